package fr.maillage.opendata.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

import fr.maillage.opendata.publishing.datainclusion.DataInclusionRecords;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlacePage;
import fr.maillage.places.PlaceQuery;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.PublicAddress;
import fr.maillage.territories.Territories;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * The directory in data·inclusion's schema v1 (issue 19, docs/data-inclusion.md), so that
 * data·inclusion can take Maillage as a source: its structures and services, paged as
 * data·inclusion's own API pages them ({@code page} from 1, {@code size}; {@code {items,
 * total, page, size, pages}}), and whole as streamed JSON arrays. The territory filters
 * of {@code /api/v1/lieux} apply ({@code departement} — 69D/69M too —, {@code epci},
 * {@code region}, {@code code_insee}, {@code code_postal}, {@code q}).
 */
@RestController
@RequestMapping(path = "/api/data-inclusion/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class DataInclusionApiController {

	static final int DEFAULT_SIZE = 50;

	/** The filters this API takes; anything else is refused rather than ignored. */
	private static final Set<String> FILTERS = Set.of("departement", "epci", "region", "code_insee", "code_postal", "q",
			"page", "size");

	private final PlaceDirectory directory;

	private final Territories territories;

	private final PublicAddress address;

	private final ObjectMapper json;

	DataInclusionApiController(PlaceDirectory directory, Territories territories, PublicAddress address,
			ObjectMapper json) {
		this.directory = directory;
		this.territories = territories;
		this.address = address;
		this.json = json;
	}

	@GetMapping("/structures")
	Map<String, Object> structures(@RequestParam MultiValueMap<String, String> parameters) {
		return page(parameters, false, DataInclusionRecords::structure);
	}

	/** Lieux that name no service have no data·inclusion service: they are left out. */
	@GetMapping("/services")
	Map<String, Object> services(@RequestParam MultiValueMap<String, String> parameters) {
		return page(parameters, true, DataInclusionRecords::service);
	}

	@GetMapping("/structures.json")
	ResponseEntity<StreamingResponseBody> allStructures(@RequestParam MultiValueMap<String, String> parameters) {
		return stream("maillage-data-inclusion-structures.json", parameters, false, DataInclusionRecords::structure);
	}

	@GetMapping("/services.json")
	ResponseEntity<StreamingResponseBody> allServices(@RequestParam MultiValueMap<String, String> parameters) {
		return stream("maillage-data-inclusion-services.json", parameters, true, DataInclusionRecords::service);
	}

	private Map<String, Object> page(MultiValueMap<String, String> parameters, boolean withServices,
			BiFunction<Place, String, @Nullable Map<String, Object>> toRecord) {
		PlaceQuery query = query(parameters, withServices, true);
		PlacePage page = directory.searchPlaces(query);
		List<Map<String, Object>> items = page.hits()
			.stream()
			.map(hit -> toRecord.apply(hit.place(), pageUrl(hit.place())))
			.filter(Objects::nonNull)
			.toList();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", items);
		body.put("total", page.total());
		body.put("page", query.page());
		body.put("size", query.size());
		body.put("pages", (page.total() + query.size() - 1) / query.size());
		return body;
	}

	private ResponseEntity<StreamingResponseBody> stream(String fileName, MultiValueMap<String, String> parameters,
			boolean withServices, BiFunction<Place, String, @Nullable Map<String, Object>> toRecord) {
		PlaceQuery query = query(parameters, withServices, false);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body((OutputStream out) -> write(out, query, toRecord));
	}

	private void write(OutputStream out, PlaceQuery query,
			BiFunction<Place, String, @Nullable Map<String, Object>> toRecord) throws IOException {
		try (JsonGenerator generator = json.createGenerator(out)) {
			generator.writeStartArray();
			directory.forEachPlace(query, place -> {
				Map<String, Object> record = toRecord.apply(place, pageUrl(place));
				if (record != null) {
					json.writeValue(generator, record);
				}
			});
			generator.writeEndArray();
		}
	}

	/**
	 * The lieux query: the directory's own filters, data·inclusion's paging names, and
	 * for services only the lieux that name one.
	 */
	private PlaceQuery query(MultiValueMap<String, String> parameters, boolean withServices, boolean paged) {
		for (String name : parameters.keySet()) {
			if (!FILTERS.contains(name)) {
				throw new BadRequestException("parametre_inconnu", "Paramètre inconnu : « " + name
						+ " ». Paramètres possibles : " + String.join(", ", FILTERS.stream().sorted().toList()) + ".");
			}
		}
		MultiValueMap<String, String> lieux = new LinkedMultiValueMap<>(parameters);
		lieux.remove("size");
		lieux.remove("page");
		if (paged) {
			lieux.add("page", parameters.getFirst("page") == null ? "1" : parameters.getFirst("page"));
			lieux.add("taille",
					parameters.getFirst("size") == null ? String.valueOf(DEFAULT_SIZE) : parameters.getFirst("size"));
		}
		if (withServices) {
			Arrays.stream(MediationService.values()).forEach(service -> lieux.add("services", service.label()));
		}
		try {
			return PlaceQueryParameters.read(lieux, territories);
		}
		catch (BadRequestException bad) {
			// the directory's message names its own parameter « taille »: say « size »
			// here
			throw new BadRequestException(bad.code(), bad.getMessage().replace("« taille »", "« size »"));
		}
	}

	private String pageUrl(Place place) {
		return address.get() + "/lieux/" + UriUtils.encodePathSegment(place.id(), StandardCharsets.UTF_8);
	}

}
