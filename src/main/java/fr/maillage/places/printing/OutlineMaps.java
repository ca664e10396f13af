package fr.maillage.places.printing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A printed map drawn from Maillage's own commune contours (no tile server): the
 * communes, the names of those that have a place, and a dot per place. Equirectangular
 * with the latitude's cosine, which at the scale of a département reads as the usual map.
 */
public final class OutlineMaps {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Font FONT = loadFont();

	private static final Color LAND = new Color(0xE8, 0xF0, 0xF8);

	private static final Color BORDER = new Color(0x0B, 0x4F, 0x8A);

	private static final Color PLACE = new Color(0xC2, 0x54, 0x00);

	private OutlineMaps() {
	}

	/** A point to mark. */
	public record Point(double latitude, double longitude) {
	}

	/**
	 * A PNG ({@code data:} address) of {@code width} × {@code height} pixels: the
	 * communes of {@code communesGeoJson}, named when their code is in {@code named}, and
	 * the points; fitted to the communes.
	 */
	public static String pngDataUri(String communesGeoJson, Set<String> named, List<Point> points, int width,
			int height) {
		String key = key(communesGeoJson, named, points, width, height);
		synchronized (CACHE) {
			String cached = CACHE.get(key);
			if (cached != null) {
				return cached;
			}
		}
		String uri = draw(communesGeoJson, named, points, width, height);
		synchronized (CACHE) {
			CACHE.put(key, uri);
		}
		return uri;
	}

	/** Maps kept: a few hundred kB each; a directory is printed again and again. */
	static final int CACHED = 12;

	private static final java.util.Map<String, String> CACHE = new java.util.LinkedHashMap<>(16, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(java.util.Map.Entry<String, String> eldest) {
			return size() > CACHED;
		}

	};

	/**
	 * A digest of everything the drawing depends on: the same contours, names and points
	 * give the same map (drawing the Rhône's took 0.6–0.8 s).
	 */
	private static String key(String communesGeoJson, Set<String> named, List<Point> points, int width, int height) {
		try {
			java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
			digest.update(communesGeoJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			digest.update(new java.util.TreeSet<>(named).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
			for (Point point : points) {
				digest.update(java.nio.ByteBuffer.allocate(16)
					.putDouble(point.latitude())
					.putDouble(point.longitude())
					.array());
			}
			return width + "x" + height + " " + java.util.HexFormat.of().formatHex(digest.digest());
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String draw(String communesGeoJson, Set<String> named, List<Point> points, int width, int height) {
		JsonNode features = JSON.readTree(communesGeoJson).path("features");
		List<List<double[]>> rings = new ArrayList<>();
		List<Label> labels = new ArrayList<>();
		double[] box = { Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE };
		for (JsonNode feature : features) {
			JsonNode geometry = feature.path("geometry");
			String type = geometry.path("type").asString("");
			List<List<double[]>> own = new ArrayList<>();
			switch (type) {
				case "Polygon" -> geometry.path("coordinates").forEach(ring -> own.add(ring(ring)));
				case "MultiPolygon" ->
					geometry.path("coordinates").forEach(polygon -> polygon.forEach(ring -> own.add(ring(ring))));
				case "Point" -> own.add(List.of(new double[] { geometry.path("coordinates").get(0).asDouble(),
						geometry.path("coordinates").get(1).asDouble() }));
				default -> {
				}
			}
			double[] ownBox = { Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE };
			own.forEach(ring -> ring.forEach(point -> extend(ownBox, point)));
			own.forEach(ring -> ring.forEach(point -> extend(box, point)));
			if (own.isEmpty()) {
				continue;
			}
			if (!type.equals("Point")) {
				rings.addAll(own);
			}
			JsonNode properties = feature.path("properties");
			if (named.contains(properties.path("code").asString(""))) {
				labels.add(new Label(properties.path("nom").asString(""), (ownBox[0] + ownBox[1]) / 2,
						(ownBox[2] + ownBox[3]) / 2));
			}
		}
		points.forEach(point -> extend(box, new double[] { point.longitude(), point.latitude() }));
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, width, height);
		if (box[0] <= box[1]) {
			Projection projection = new Projection(box, width, height);
			for (List<double[]> ring : rings) {
				Path2D.Double path = new Path2D.Double();
				for (int i = 0; i < ring.size(); i++) {
					double[] xy = projection.apply(ring.get(i));
					if (i == 0) {
						path.moveTo(xy[0], xy[1]);
					}
					else {
						path.lineTo(xy[0], xy[1]);
					}
				}
				path.closePath();
				g.setColor(LAND);
				g.fill(path);
				g.setColor(BORDER);
				g.setStroke(new BasicStroke(1.2f));
				g.draw(path);
			}
			double radius = Math.max(5, width / 180.0);
			for (Point point : points) {
				double[] xy = projection.apply(new double[] { point.longitude(), point.latitude() });
				Ellipse2D.Double dot = new Ellipse2D.Double(xy[0] - radius, xy[1] - radius, 2 * radius, 2 * radius);
				g.setColor(PLACE);
				g.fill(dot);
				g.setColor(Color.WHITE);
				g.setStroke(new BasicStroke(2f));
				g.draw(dot);
			}
			g.setFont(FONT.deriveFont(Font.PLAIN, Math.max(14f, width / 70f)));
			FontMetrics metrics = g.getFontMetrics();
			for (Label label : labels) {
				double[] xy = projection.apply(new double[] { label.longitude(), label.latitude() });
				int x = (int) (xy[0] - metrics.stringWidth(label.name()) / 2.0);
				int y = (int) (xy[1] - radius - 4);
				// a white halo keeps the name readable over borders
				g.setColor(Color.WHITE);
				for (int dx = -2; dx <= 2; dx++) {
					for (int dy = -2; dy <= 2; dy++) {
						g.drawString(label.name(), x + dx, y + dy);
					}
				}
				g.setColor(Color.BLACK);
				g.drawString(label.name(), x, y);
			}
		}
		g.dispose();
		return "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(image));
	}

	private record Label(String name, double longitude, double latitude) {
	}

	private record Projection(double[] box, int width, int height, double scale, double xOffset, double yOffset,
			double cos) {

		Projection(double[] box, int width, int height) {
			this(box, width, height, scale(box, width, height), 0, 0, Math.cos(Math.toRadians((box[2] + box[3]) / 2)));
		}

		private static double scale(double[] box, int width, int height) {
			double cos = Math.cos(Math.toRadians((box[2] + box[3]) / 2));
			double spanX = Math.max(1e-6, (box[1] - box[0]) * cos);
			double spanY = Math.max(1e-6, box[3] - box[2]);
			return Math.min((width - 40) / spanX, (height - 40) / spanY);
		}

		double[] apply(double[] lonLat) {
			double usedWidth = (box[1] - box[0]) * cos * scale;
			double usedHeight = (box[3] - box[2]) * scale;
			double x = (width - usedWidth) / 2 + (lonLat[0] - box[0]) * cos * scale;
			double y = (height - usedHeight) / 2 + (box[3] - lonLat[1]) * scale;
			return new double[] { x, y };
		}

	}

	private static List<double[]> ring(JsonNode ring) {
		List<double[]> points = new ArrayList<>();
		ring.forEach(point -> points.add(new double[] { point.get(0).asDouble(), point.get(1).asDouble() }));
		return points;
	}

	private static void extend(double[] box, double[] point) {
		box[0] = Math.min(box[0], point[0]);
		box[1] = Math.max(box[1], point[0]);
		box[2] = Math.min(box[2], point[1]);
		box[3] = Math.max(box[3], point[1]);
	}

	private static Font loadFont() {
		try (InputStream in = OutlineMaps.class.getResourceAsStream("/fonts/DejaVuSans.ttf")) {
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (FontFormatException e) {
			throw new IllegalStateException(e);
		}
	}

}
