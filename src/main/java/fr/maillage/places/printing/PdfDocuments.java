package fr.maillage.places.printing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Printables as PDF: a Thymeleaf page (well-formed XHTML, print CSS) laid out by
 * openhtmltopdf (ADR 0014) with the fonts shipped in {@code resources/fonts}, so that the
 * document looks the same on every server and carries every French character.
 */
@Component
public class PdfDocuments {

	/** The family name the print templates ask for. */
	public static final String FONT = "DejaVu Sans";

	private final ITemplateEngine templates;

	PdfDocuments(ITemplateEngine templates) {
		this.templates = templates;
	}

	/** The page of a print template, as HTML (for the browser's own printing). */
	public String html(String template, Map<String, Object> variables) {
		return templates.process(template, new Context(Locale.FRENCH, variables));
	}

	/** The same page laid out as PDF. */
	public byte[] pdf(String template, Map<String, Object> variables) {
		return pdfOfHtml(html(template, variables));
	}

	/** Well-formed XHTML laid out as PDF, with the shipped fonts. */
	public byte[] pdfOfHtml(String html) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont(() -> PdfDocuments.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), FONT, 400,
					FontStyle.NORMAL, true);
			builder.useFont(() -> PdfDocuments.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"), FONT, 700,
					FontStyle.NORMAL, true);
			builder.withHtmlContent(html, "/");
			builder.toStream(out);
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

}
