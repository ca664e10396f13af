package fr.maillage.territories.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;

/** GeoJSON Polygon/MultiPolygon ↔ JTS, for contours (JTS core has no GeoJSON support). */
final class GeoJsonGeometries {

	static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

	private GeoJsonGeometries() {
	}

	static Geometry read(JsonNode geometry) {
		JsonNode coordinates = geometry.get("coordinates");
		return switch (geometry.get("type").asString()) {
			case "Polygon" -> polygon(coordinates);
			case "MultiPolygon" -> {
				List<Polygon> polygons = new ArrayList<>();
				coordinates.forEach(polygon -> polygons.add(polygon(polygon)));
				yield FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
			}
			default -> throw new IllegalArgumentException("Unsupported geometry " + geometry.get("type"));
		};
	}

	private static Polygon polygon(JsonNode rings) {
		LinearRing shell = ring(rings.get(0));
		LinearRing[] holes = new LinearRing[rings.size() - 1];
		for (int i = 1; i < rings.size(); i++) {
			holes[i - 1] = ring(rings.get(i));
		}
		return FACTORY.createPolygon(shell, holes);
	}

	private static LinearRing ring(JsonNode points) {
		Coordinate[] coordinates = new Coordinate[points.size()];
		for (int i = 0; i < points.size(); i++) {
			coordinates[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
		}
		return FACTORY.createLinearRing(coordinates);
	}

	static String write(Geometry geometry) {
		StringBuilder json = new StringBuilder();
		if (geometry instanceof Polygon polygon) {
			json.append("{\"type\":\"Polygon\",\"coordinates\":");
			polygon(json, polygon);
		}
		else if (geometry instanceof MultiPolygon || geometry.getNumGeometries() > 1) {
			json.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
			for (int i = 0; i < geometry.getNumGeometries(); i++) {
				if (i > 0) {
					json.append(',');
				}
				polygon(json, (Polygon) geometry.getGeometryN(i));
			}
			json.append(']');
		}
		else {
			throw new IllegalArgumentException("Unsupported geometry " + geometry.getGeometryType());
		}
		return json.append('}').toString();
	}

	private static void polygon(StringBuilder json, Polygon polygon) {
		json.append('[');
		ring(json, polygon.getExteriorRing().getCoordinates());
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			json.append(',');
			ring(json, polygon.getInteriorRingN(i).getCoordinates());
		}
		json.append(']');
	}

	private static void ring(StringBuilder json, Coordinate[] coordinates) {
		json.append('[');
		for (int i = 0; i < coordinates.length; i++) {
			if (i > 0) {
				json.append(',');
			}
			json.append(String.format(Locale.ROOT, "[%.5f,%.5f]", coordinates[i].x, coordinates[i].y));
		}
		json.append(']');
	}

}
