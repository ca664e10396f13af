package fr.maillage.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * PDFs as a reader sees them: their text (PDFBox), the sizes of their letters, the QR
 * codes printed on their pages (ZXing), and a PNG of a page to look at.
 */
public final class Pdfs {

	private Pdfs() {
	}

	public record Fetched(int status, String contentType, byte[] body) {
	}

	public static Fetched get(int port, String path) {
		try {
			HttpResponse<byte[]> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
						HttpResponse.BodyHandlers.ofByteArray());
			return new Fetched(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** The text, no-break spaces read as spaces (as a person reads them). */
	public static String text(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document).replace('\u00a0', ' ').replace('\u202f', ' ');
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static int pages(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getNumberOfPages();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every font size used for a letter, in points (rounded to a tenth). */
	public static TreeSet<Double> fontSizes(byte[] pdf) {
		TreeSet<Double> sizes = new TreeSet<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void writeString(String text, List<TextPosition> positions) {
					for (TextPosition position : positions) {
						if (!position.getUnicode().isBlank()) {
							sizes.add(Math.round(position.getFontSizeInPt() * 10) / 10.0);
						}
					}
				}
			};
			stripper.getText(document);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return sizes;
	}

	/**
	 * The letters written smaller than {@code points}, as text, to say where they are.
	 */
	public static String textSmallerThan(byte[] pdf, double points) {
		StringBuilder small = new StringBuilder();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void writeString(String text, List<TextPosition> positions) {
					for (TextPosition position : positions) {
						if (position.getFontSizeInPt() < points - 0.05) {
							small.append(position.getUnicode());
						}
					}
				}
			};
			stripper.getText(document);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return small.toString();
	}

	/** The texts of the QR codes of every page, rendered at {@code dpi}. */
	public static List<String> qrCodes(byte[] pdf, int dpi) {
		List<String> texts = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDFRenderer renderer = new PDFRenderer(document);
			for (int page = 0; page < document.getNumberOfPages(); page++) {
				BufferedImage image = renderer.renderImageWithDPI(page, dpi);
				int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
				BinaryBitmap bitmap = new BinaryBitmap(
						new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
				try {
					for (Result result : new QRCodeMultiReader().decodeMultiple(bitmap,
							Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))) {
						texts.add(result.getText());
					}
				}
				catch (NotFoundException none) {
					// a page without QR code
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return texts;
	}

	/** The first page as a PNG under target/screenshots, to look at. */
	public static void savePage(byte[] pdf, int page, String name) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 90);
			Path directory = Path.of("target", "screenshots");
			Files.createDirectories(directory);
			javax.imageio.ImageIO.write(image, "png", directory.resolve(name + ".png").toFile());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
