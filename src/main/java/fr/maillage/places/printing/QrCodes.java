package fr.maillage.places.printing;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * QR codes of a place's address, as SVG for web pages and as PNG for PDFs (ZXing, ADR
 * 0014). Level M: a poster outdoors survives a stain or a fold.
 */
public final class QrCodes {

	private static final Map<EncodeHintType, Object> HINTS = Map.of(EncodeHintType.ERROR_CORRECTION,
			ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2, EncodeHintType.CHARACTER_SET, "UTF-8");

	private QrCodes() {
	}

	static BitMatrix matrix(String text) {
		try {
			// size 0: one unit per module, the drawing below scales it
			return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, HINTS);
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("Texte impossible à coder en QR code (trop long ?)", e);
		}
	}

	/**
	 * An inline SVG (one path, crisp at any size), labelled for screen readers with
	 * {@code label}.
	 */
	public static String svg(String text, String label) {
		BitMatrix matrix = matrix(text);
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				if (matrix.get(x, y)) {
					path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
				}
			}
		}
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
				+ "\" role=\"img\" aria-label=\"" + escape(label)
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\""
				+ path + "\" fill=\"#000\"/></svg>";
	}

	/**
	 * A PNG as a {@code data:} address, {@code pixelsPerModule} pixels per module. A
	 * directory of 500 places asks for 500 of them at each print, and a place's address
	 * does not change: they are kept (the last {@link #CACHED} texts).
	 */
	public static String pngDataUri(String text, int pixelsPerModule) {
		String key = pixelsPerModule + " " + text;
		synchronized (CACHE) {
			String cached = CACHE.get(key);
			if (cached != null) {
				return cached;
			}
		}
		String uri = "data:image/png;base64," + Base64.getEncoder().encodeToString(png(matrix(text), pixelsPerModule));
		synchronized (CACHE) {
			CACHE.put(key, uri);
		}
		return uri;
	}

	/** QR codes kept: about 1 kB each. */
	static final int CACHED = 4_000;

	private static final Map<String, String> CACHE = new java.util.LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
			return size() > CACHED;
		}

	};

	/**
	 * A one-bit indexed PNG (palette black, white) written directly: ImageIO took about 7
	 * ms per code through a BufferedImage. PDFBox copies an indexed PNG into the PDF as
	 * it is (its {@code PNGConverter} cannot yet take greyscale), where it decoded and
	 * re-encoded ImageIO's image: 5 ms per code, 2.6 s of a 500-place directory.
	 */
	static byte[] png(BitMatrix matrix, int pixelsPerModule) {
		int width = matrix.getWidth() * pixelsPerModule;
		int height = matrix.getHeight() * pixelsPerModule;
		int rowBytes = (width + 7) / 8;
		byte[] raw = new byte[height * (rowBytes + 1)];
		for (int y = 0; y < height; y++) {
			int row = y * (rowBytes + 1);
			// filter type 0 (none), then one bit per pixel: index 1 (white) unless a
			// module is dark
			raw[row] = 0;
			java.util.Arrays.fill(raw, row + 1, row + 1 + rowBytes, (byte) 0xFF);
			for (int x = 0; x < width; x++) {
				if (matrix.get(x / pixelsPerModule, y / pixelsPerModule)) {
					raw[row + 1 + (x >> 3)] &= (byte) ~(0x80 >> (x & 7));
				}
			}
		}
		java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED);
		deflater.setInput(raw);
		deflater.finish();
		ByteArrayOutputStream compressed = new ByteArrayOutputStream(raw.length / 4 + 64);
		byte[] buffer = new byte[8192];
		while (!deflater.finished()) {
			compressed.write(buffer, 0, deflater.deflate(buffer));
		}
		deflater.end();
		ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.size() + 64);
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
		java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13);
		// width, height, bit depth 1, colour type 3 (indexed), deflate, filters, no
		// interlace
		header.putInt(width).putInt(height).put((byte) 1).put((byte) 3).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", header.array());
		chunk(out, "PLTE", new byte[] { 0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF });
		chunk(out, "IDAT", compressed.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	static byte[] png(BufferedImage image) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageIO.write(image, "png", bytes);
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
	}

}
