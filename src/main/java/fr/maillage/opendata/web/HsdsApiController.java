package fr.maillage.opendata.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import fr.maillage.opendata.HsdsPackages;
import fr.maillage.opendata.OpenReferralDirectory;
import fr.maillage.opendata.persistence.JdbcHsdsPackageRepository;
import fr.maillage.opendata.persistence.JdbcHsdsRepository.OrganizationRow;
import fr.maillage.opendata.publishing.hsds.HsdsRecords;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlacePage;
import fr.maillage.shared.text.TextFolding;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.shared.web.PublicAddress;
import fr.maillage.territories.Territories;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The directory as Open Referral's HSDS 3.0 API (issue 19, docs/hsds.md): services,
 * organizations, locations and services at location, with the spec's search
 * ({@code search}, or {@code q}) and paging ({@code page} from 1, {@code per_page}; the
 * answer's {@code total_items}, {@code total_pages}, {@code page_number}…). Lists give
 * the one-to-one fields, {@code /{id}} the object with what belongs to it.
 */
@RestController
@RequestMapping(path = "/api/hsds/v3", produces = MediaType.APPLICATION_JSON_VALUE)
class HsdsApiController {

	static final int DEFAULT_PER_PAGE = 50;

	static final int MAX_PER_PAGE = 500;

	private final PlaceDirectory directory;

	private final OpenReferralDirectory openReferral;

	private final Territories territories;

	private final PublicAddress address;

	private final HsdsPackages packages;

	HsdsApiController(PlaceDirectory directory, OpenReferralDirectory openReferral, Territories territories,
			PublicAddress address, HsdsPackages packages) {
		this.packages = packages;
		this.directory = directory;
		this.openReferral = openReferral;
		this.territories = territories;
		this.address = address;
	}

	/** Page and search as HSDS names them. */
	private record Paging(int page, int perPage, @Nullable String search) {
	}

	@GetMapping
	Map<String, Object> about() {
		Map<String, Object> about = new LinkedHashMap<>();
		about.put("version", HsdsRecords.VERSION);
		about.put("profile", "https://docs.openreferral.org/en/latest/hsds/");
		about.put("openapi_url", address.get() + "/api/v1/openapi.json");
		return about;
	}

	/**
	 * The whole directory as an HSDS data package: a zip of CSV tables and
	 * {@code datapackage.json}. The package stored for the directory's latest state (ADR
	 * 0028), read from the database chunk by chunk; while the next one is being built,
	 * the previous one, which says its date ({@code Last-Modified},
	 * {@value #PACKAGE_STATE}, {@code created} in {@code datapackage.json}); without a
	 * usable stored package, built while it is sent.
	 */
	@GetMapping(path = "/datapackage.zip", produces = "application/zip")
	ResponseEntity<StreamingResponseBody> dataPackage(WebRequest request) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"maillage-hsds-3.0.zip\"");
		Optional<HsdsPackages.Stored> stored = packages.findStored();
		if (stored.isEmpty()) {
			return answer.header(PACKAGE_STATE, "construit-a-la-demande").body(out -> packages.writeBuilt(out));
		}
		JdbcHsdsPackageRepository.PackageRow row = stored.get().row();
		String etag = "\"" + row.sha256() + "\"";
		long lastModified = row.directoryChangedAt().toEpochMilli();
		if (request.checkNotModified(etag, lastModified)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
		}
		return answer.eTag(etag)
			.lastModified(lastModified)
			.contentLength(row.size())
			// a client may keep it, asking again with If-None-Match
			.cacheControl(CacheControl.noCache())
			.header(PACKAGE_STATE, stored.get().current() ? "a-jour" : "precedent")
			.header(PACKAGE_BUILT_AT, row.builtAt().toString())
			.body(out -> packages.writeStored(row, out));
	}

	/**
	 * Header of the data package: {@code a-jour} (it holds the directory as it is),
	 * {@code precedent} (the directory changed since: the next package is built within
	 * minutes) or {@code construit-a-la-demande}.
	 */
	static final String PACKAGE_STATE = "X-Maillage-Paquet";

	/** When the served package was built. */
	static final String PACKAGE_BUILT_AT = "X-Maillage-Paquet-Construit-Le";

	@GetMapping("/services")
	Map<String, Object> services(@RequestParam MultiValueMap<String, String> parameters) {
		return placePage(parameters, place -> HsdsRecords.service(place, HsdsRecords.organizationKey(place)));
	}

	@GetMapping("/services/{id}")
	Map<String, Object> service(@PathVariable String id) {
		Place place = getPlace(id, "service");
		OrganizationRow organization = openReferral.getOrganizationOf(place);
		return HsdsRecords.fullService(place, organization.key(), organization.name(), organization.lieux());
	}

	@GetMapping("/locations")
	Map<String, Object> locations(@RequestParam MultiValueMap<String, String> parameters) {
		return placePage(parameters, place -> HsdsRecords.location(place, HsdsRecords.organizationKey(place)));
	}

	@GetMapping("/locations/{id}")
	Map<String, Object> location(@PathVariable String id) {
		Place place = getPlace(id, "location");
		return HsdsRecords.location(place, HsdsRecords.organizationKey(place));
	}

	@GetMapping("/service_at_locations")
	Map<String, Object> servicesAtLocation(@RequestParam MultiValueMap<String, String> parameters) {
		return placePage(parameters,
				place -> HsdsRecords.serviceAtLocation(place, HsdsRecords.organizationKey(place), false));
	}

	@GetMapping("/service_at_locations/{id}")
	Map<String, Object> serviceAtLocation(@PathVariable String id) {
		Place place = getPlace(id, "service_at_location");
		return HsdsRecords.serviceAtLocation(place, HsdsRecords.organizationKey(place), true);
	}

	@GetMapping("/organizations")
	Map<String, Object> organizations(@RequestParam MultiValueMap<String, String> parameters) {
		Paging paging = readPaging(parameters);
		List<OrganizationRow> all = openReferral.listOrganizations();
		if (paging.search() != null) {
			String wanted = TextFolding.searchKey(paging.search());
			all = all.stream().filter(row -> TextFolding.searchKey(row.name()).contains(wanted)).toList();
		}
		int from = (int) Math.min(all.size(), (long) (paging.page() - 1) * paging.perPage());
		List<Map<String, Object>> contents = all.subList(from, Math.min(all.size(), from + paging.perPage()))
			.stream()
			.map(row -> HsdsRecords.organization(row.key(), row.name(), row.lieux()))
			.toList();
		return page(all.size(), paging, contents);
	}

	@GetMapping("/organizations/{id}")
	Map<String, Object> organization(@PathVariable String id) {
		OpenReferralDirectory.Organization organization = openReferral.findOrganization(id)
			.orElseThrow(() -> new NotFoundException("Aucune organisation n'a l'identifiant « " + id + " »."));
		return HsdsRecords.fullOrganization(organization.key(), organization.name(), organization.lieux());
	}

	private Place getPlace(String id, String kind) {
		return directory.findPlace(id)
			.orElseThrow(() -> new NotFoundException("Aucun " + kind + " n'a l'identifiant « " + id + " »."));
	}

	private Map<String, Object> placePage(MultiValueMap<String, String> parameters,
			Function<Place, Map<String, Object>> toHsds) {
		Paging paging = readPaging(parameters);
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		if (paging.search() != null) {
			query.add("q", paging.search());
		}
		query.add("page", String.valueOf(paging.page()));
		query.add("taille", String.valueOf(paging.perPage()));
		PlacePage page = directory.searchPlaces(PlaceQueryParameters.read(query, territories));
		return page(page.total(), paging, page.hits().stream().map(hit -> toHsds.apply(hit.place())).toList());
	}

	private static Map<String, Object> page(long total, Paging paging, List<Map<String, Object>> contents) {
		long pages = (total + paging.perPage() - 1) / paging.perPage();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("total_items", total);
		body.put("total_pages", pages);
		body.put("page_number", paging.page());
		body.put("size", contents.size());
		body.put("first_page", paging.page() == 1);
		body.put("last_page", paging.page() >= pages);
		body.put("empty", contents.isEmpty());
		body.put("contents", contents);
		return body;
	}

	private static Paging readPaging(MultiValueMap<String, String> parameters) {
		int page = readInteger(parameters.getFirst("page"), 1, "page", 1, 1_000_000);
		int perPage = readInteger(parameters.getFirst("per_page"), DEFAULT_PER_PAGE, "per_page", 1, MAX_PER_PAGE);
		String search = parameters.getFirst("search") != null ? parameters.getFirst("search")
				: parameters.getFirst("q");
		return new Paging(page, perPage, search == null || search.isBlank() ? null : search.strip());
	}

	private static int readInteger(@Nullable String value, int otherwise, String name, int min, int max) {
		if (value == null || value.isBlank()) {
			return otherwise;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException notANumber) {
			// the message below
		}
		throw new BadRequestException("parametre_invalide",
				"« " + name + " » attend un nombre entier de " + min + " à " + max + ".");
	}

}
