package fr.maillage.opendata.web;

import fr.maillage.opendata.PlaceEditing;
import fr.maillage.opendata.PublishedDirectory;
import fr.maillage.places.PlaceOrigin;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.opendata.publishing.SchemaRecords;
import fr.maillage.opendata.publishing.SchemaCsv;
import fr.maillage.places.DailyConsultations;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlacePage;
import fr.maillage.places.PlaceQuery;
import fr.maillage.places.hours.OpeningHours;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.places.hours.OpeningStatus;
import fr.maillage.territories.Territories;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Read API and exports of the directory, in the national schema's field names
 * (docs/api.md). Public.
 */
@RestController
@RequestMapping("/api/v1/lieux")
class PlaceApiController {

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private static final MediaType GEOJSON = new MediaType("application", "geo+json", StandardCharsets.UTF_8);

	private final PlaceDirectory directory;

	private final ObjectMapper json;

	private final Territories territories;

	private final Clock clock;

	private final PublishedDirectory published;

	PlaceApiController(PlaceDirectory directory, PublishedDirectory published, ObjectMapper json,
			Territories territories, Clock clock) {
		this.directory = directory;
		this.published = published;
		this.json = json;
		this.territories = territories;
		this.clock = clock;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> search(@RequestParam MultiValueMap<String, String> parameters) {
		PlacePage page = directory.searchPlaces(PlaceQueryParameters.read(parameters, territories));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("total", page.total());
		body.put("page", page.page());
		body.put("taille", page.size());
		Map<String, List<PlaceOrigin>> origins = directory
			.mapOrigins(page.hits().stream().map(hit -> hit.place().id()).toList());
		body.put("lieux",
				page.hits().stream().map(hit -> withSources(toJson(hit), origins.get(hit.place().id()))).toList());
		return body;
	}

	/**
	 * One lieu, with its opening status now and its week in plain French when it gives
	 * hours.
	 */
	@GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> get(@PathVariable String id) {
		Place place = directory.getPlace(id);
		Map<String, Object> lieu = withSources(toJson(new PlacePage.Hit(place, null)),
				directory.mapOrigins(List.of(place.id())).get(place.id()));
		if (place.openingHours() != null) {
			OpeningHours hours = OpeningHours.parse(place.openingHours());
			OpeningStatus status = OpeningHoursEvaluator.statusAt(hours, ZonedDateTime.now(clock), place.departement());
			Map<String, Object> opening = new LinkedHashMap<>();
			opening.put("statut", status.code());
			opening.put("texte", status.text());
			if (hours.isSupported()) {
				opening.put("semaine", OpeningHoursEvaluator.weeklyTable(hours));
			}
			lieu.put("ouverture", opening);
		}
		return lieu;
	}

	/**
	 * Where each field comes from: every source record merged into the lieu, and per
	 * field what each gave, with its date and whether it was kept (issue 5).
	 */
	@GetMapping(path = "/{id}/provenance", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> provenance(@PathVariable String id) {
		PublishedDirectory.Provenance provenance = published.getProvenance(id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", provenance.id());
		body.put("sources", provenance.records().stream().map(record -> {
			Map<String, Object> source = new LinkedHashMap<>();
			source.put("source", record.origin().importSource());
			source.put("id", record.origin().sourceId());
			source.put("date_maj", record.updatedOn());
			source.put("recu_le", record.receivedAt());
			if (record.origin().importSource().equals(PlaceEditing.SOURCE)) {
				source.put("libelle", "saisie Maillage");
				source.put("auteur", provenance.editor());
			}
			return source;
		}).toList());
		Map<String, Object> fields = new LinkedHashMap<>();
		provenance.merge()
			.provenance()
			.forEach((field, contributions) -> fields.put(field, contributions.stream().map(contribution -> {
				Map<String, Object> value = new LinkedHashMap<>();
				value.put("source", contribution.source());
				value.put("id", contribution.id());
				value.put("date_maj", contribution.updatedOn());
				value.put("valeur", contribution.value());
				value.put("retenue", contribution.kept());
				return value;
			}).toList()));
		body.put("champs", fields);
		return body;
	}

	/** Consultations of the place's public page, per day (roadmap indicator). */
	@GetMapping(path = "/{id}/consultations", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> consultations(@PathVariable String id) {
		List<DailyConsultations> days = directory.listConsultations(id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", id);
		body.put("total", days.stream().mapToLong(DailyConsultations::nombre).sum());
		body.put("jours", days);
		return body;
	}

	@GetMapping("/export.csv")
	ResponseEntity<StreamingResponseBody> exportCsv(@RequestParam MultiValueMap<String, String> parameters) {
		PlaceQuery query = PlaceQueryParameters.read(parameters, territories);
		return download("lieux-mediation-numerique.csv", CSV, out -> {
			try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
				SchemaCsv csv = SchemaCsv.start(writer);
				directory.forEachPlace(query, csv::write);
				csv.finish();
			}
		});
	}

	@GetMapping("/export.json")
	ResponseEntity<StreamingResponseBody> exportJson(@RequestParam MultiValueMap<String, String> parameters) {
		PlaceQuery query = PlaceQueryParameters.read(parameters, territories);
		return download("lieux-mediation-numerique.json", MediaType.APPLICATION_JSON, out -> {
			try (JsonGenerator generator = json.createGenerator(out)) {
				generator.writeStartArray();
				directory.forEachPlace(query, place -> json.writeValue(generator, exportValues(place)));
				generator.writeEndArray();
			}
		});
	}

	@GetMapping("/export.geojson")
	ResponseEntity<StreamingResponseBody> exportGeoJson(@RequestParam MultiValueMap<String, String> parameters) {
		PlaceQuery query = PlaceQueryParameters.read(parameters, territories);
		return download("lieux-mediation-numerique.geojson", GEOJSON, out -> {
			try (JsonGenerator generator = json.createGenerator(out)) {
				generator.writeStartObject();
				generator.writeStringProperty("type", "FeatureCollection");
				generator.writeName("features");
				generator.writeStartArray();
				directory.forEachPlace(query, place -> json.writeValue(generator, feature(place)));
				generator.writeEndArray();
				generator.writeEndObject();
			}
		});
	}

	/**
	 * Export JSON keeps the schema's tabular form (lists as "a|b"), so the file
	 * re-imports anywhere.
	 */
	private static Map<String, Object> exportValues(Place place) {
		Map<String, Object> values = new LinkedHashMap<>();
		SchemaRecords.asText(place).forEach((name, value) -> {
			if (!value.isEmpty()) {
				values.put(name, name.equals("latitude") || name.equals("longitude") ? Double.valueOf(value) : value);
			}
		});
		return values;
	}

	private static Map<String, Object> feature(Place place) {
		Map<String, Object> feature = new LinkedHashMap<>();
		feature.put("type", "Feature");
		feature.put("geometry", place.coordinates() == null ? null : Map.of("type", "Point", "coordinates",
				List.of(place.coordinates().longitude(), place.coordinates().latitude())));
		feature.put("properties", exportValues(place));
		return feature;
	}

	/** The source records the lieu merges, as {@code sources: [{source, id}]}. */
	static Map<String, Object> withSources(Map<String, Object> lieu, @Nullable List<PlaceOrigin> origins) {
		lieu.put("sources",
				origins == null ? List.of()
						: origins.stream()
							.map(origin -> Map.of("source", origin.importSource(), "id", origin.sourceId()))
							.toList());
		return lieu;
	}

	/** A lieu as the API shows it (also in the changes feed). */
	static Map<String, Object> toJson(PlacePage.Hit hit) {
		Map<String, Object> lieu = SchemaRecords.asJson(hit.place());
		lieu.put("departement", hit.place().departement());
		if (hit.place().geocoding() != null) {
			lieu.put("geocodage", hit.place().geocoding().code());
		}
		if (hit.distanceKm() != null) {
			lieu.put("distance_km", Math.round(hit.distanceKm() * 1000) / 1000.0);
		}
		return lieu;
	}

	private static ResponseEntity<StreamingResponseBody> download(String fileName, MediaType type, ThrowingBody body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body(out -> {
				try {
					body.write(out);
				}
				catch (UncheckedIOException e) {
					throw e.getCause();
				}
			});
	}

	@FunctionalInterface
	private interface ThrowingBody {

		void write(OutputStream out) throws IOException;

	}

}
