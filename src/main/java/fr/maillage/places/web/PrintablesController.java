package fr.maillage.places.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlaceQuery;
import fr.maillage.places.printing.OutlineMaps;
import fr.maillage.places.vocabulary.MediationService;
import fr.maillage.places.vocabulary.SpecificPublic;
import fr.maillage.places.vocabulary.Vocabulary;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.CommuneRef;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryDetails;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import fr.maillage.places.printing.PdfDocuments;
import fr.maillage.places.printing.PrintedPlace;
import fr.maillage.places.printing.QrCodes;
import fr.maillage.shared.web.PublicAddress;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Paper for « aller-vers » (issue 17): the poster of one place, for the door of a mairie
 * or the stop of an itinerant service, and the directory of a territory, for the counter
 * of a mairie or a CCAS. Public, like the pages they print.
 */
@Controller
class PrintablesController {

	static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

	private final PlaceDirectory directory;

	private final PdfDocuments documents;

	private final PublicAddress publicAddress;

	private final Clock clock;

	private final Territories territories;

	PrintablesController(PlaceDirectory directory, PdfDocuments documents, PublicAddress publicAddress, Clock clock,
			Territories territories) {
		this.territories = territories;
		this.directory = directory;
		this.documents = documents;
		this.publicAddress = publicAddress;
		this.clock = clock;
	}

	@GetMapping("/lieux/{id}/affiche.pdf")
	ResponseEntity<byte[]> poster(@PathVariable String id) {
		Place place = directory.getPlace(id);
		if (!place.id().equals(id)) {
			// a record merged into another lieu: its poster is that lieu's
			return ResponseEntity.status(301)
				.header(HttpHeaders.LOCATION,
						"/lieux/" + UriUtils.encodePathSegment(place.id(), StandardCharsets.UTF_8) + "/affiche.pdf")
				.build();
		}
		PrintedPlace printed = PrintedPlace.of(place, placeUrl(publicAddress, place.id()));
		Map<String, Object> variables = new HashMap<>();
		variables.put("place", printed);
		variables.put("qr", QrCodes.pngDataUri(printed.url(), 8));
		variables.put("source", sourceName(publicAddress));
		variables.put("printedOn", FRENCH_DATE.format(today(clock)));
		return pdf(documents.pdf("places/print/affiche", variables), "affiche-" + place.id() + ".pdf");
	}

	/**
	 * The printable directory of a territory (commune, EPCI, département or 69D/69M), as
	 * HTML for the browser's own printing.
	 */
	@GetMapping(path = "/territoires/{code}/annuaire", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String directoryPage(@PathVariable String code, DirectoryForm form) {
		return documents.html("places/print/annuaire", directoryVariables(code, form, false));
	}

	/** The same directory as PDF: cover, map, places by commune, QR codes. */
	@GetMapping("/territoires/{code}/annuaire.pdf")
	ResponseEntity<byte[]> directoryPdf(@PathVariable String code, DirectoryForm form) {
		Map<String, Object> variables = directoryVariables(code, form, true);
		return pdf(documents.pdf("places/print/annuaire", variables),
				"annuaire-" + ((DirectoryTerritory) variables.get("territory")).code() + ".pdf");
	}

	/**
	 * The choices of a directory.
	 *
	 * @param services labels of the standard's services (any of them)
	 * @param publics labels of the standard's publics (any of them)
	 * @param gros_caracteres large print (14 pt at least) for older readers
	 */
	record DirectoryForm(@Nullable List<String> services, @Nullable List<String> publics,
			@Nullable Boolean gros_caracteres) {

		boolean largePrint() {
			return Boolean.TRUE.equals(gros_caracteres);
		}

	}

	/** The territory a directory covers. */
	record DirectoryTerritory(String level, String code, String nom, List<String> communes) {
	}

	/** The places of one commune, in French order. */
	record CommuneSection(String nom, List<Entry> lieux) {
	}

	/** A place of the directory and its QR code. */
	record Entry(PrintedPlace place, String qr) {
	}

	private Map<String, Object> directoryVariables(String code, DirectoryForm form, boolean forPdf) {
		DirectoryTerritory territory = directoryTerritory(code);
		List<MediationService> services = vocabulary(MediationService.class, form.services(), "services");
		List<SpecificPublic> publics = vocabulary(SpecificPublic.class, form.publics(), "publics");
		PlaceQuery query = new PlaceQuery(null, List.of(), List.of(), List.of(), territory.communes(), services,
				publics, List.of(), List.of(), List.of(), List.of(), false, null, 1, PlaceQuery.MAX_PAGE_SIZE);
		Collator french = Collator.getInstance(Locale.FRENCH);
		french.setStrength(Collator.PRIMARY);
		Map<String, List<Entry>> byCommune = new TreeMap<>(french);
		List<OutlineMaps.Point> points = new ArrayList<>();
		Set<String> communesWithPlaces = new HashSet<>();
		directory.forEachPlace(query, place -> {
			PrintedPlace printed = PrintedPlace.of(place, placeUrl(publicAddress, place.id()));
			String commune = place.codeInsee() == null ? place.commune()
					: territories.findCommune(place.codeInsee()).map(CommuneRef::nom).orElse(place.commune());
			byCommune.computeIfAbsent(commune, c -> new ArrayList<>())
				.add(new Entry(printed, QrCodes.pngDataUri(printed.url(), 4)));
			if (place.coordinates() != null) {
				points.add(new OutlineMaps.Point(place.coordinates().latitude(), place.coordinates().longitude()));
			}
			if (place.codeInsee() != null) {
				communesWithPlaces.add(place.codeInsee());
			}
		});
		List<CommuneSection> sections = byCommune.entrySet()
			.stream()
			.map(entry -> new CommuneSection(entry.getKey(),
					entry.getValue()
						.stream()
						.sorted(Comparator.comparing((Entry e) -> e.place().nom(), french))
						.toList()))
			.toList();
		int count = sections.stream().mapToInt(section -> section.lieux().size()).sum();
		Map<String, Object> variables = new HashMap<>();
		variables.put("territory", territory);
		variables.put("sections", sections);
		variables.put("count", count);
		variables.put("largePrint", form.largePrint());
		variables.put("forPdf", forPdf);
		variables.put("criteria", criteria(services, publics));
		variables.put("map", OutlineMaps.pngDataUri(territories.communesGeoJson(territory.communes()),
				communesWithPlaces, points, 1400, 1100));
		variables.put("source", sourceName(publicAddress));
		variables.put("printedOn", FRENCH_DATE.format(today(clock)));
		UriComponentsBuilder criteriaBuilder = UriComponentsBuilder.newInstance();
		services.forEach(service -> criteriaBuilder.queryParam("services", service.label()));
		publics.forEach(specificPublic -> criteriaBuilder.queryParam("publics", specificPublic.label()));
		String criteriaQuery = criteriaBuilder.encode().build().getQuery();
		String base = "/territoires/" + UriUtils.encodePathSegment(territory.code(), StandardCharsets.UTF_8)
				+ "/annuaire";
		String suffix = criteriaQuery == null || criteriaQuery.isEmpty() ? "" : "&" + criteriaQuery;
		variables.put("pdfUrl", base + ".pdf?gros_caracteres=" + form.largePrint() + suffix);
		variables.put("otherPrintUrl", base + "?gros_caracteres=" + !form.largePrint() + suffix);
		return variables;
	}

	private static String criteria(List<MediationService> services, List<SpecificPublic> publics) {
		List<String> parts = new ArrayList<>();
		if (!services.isEmpty()) {
			parts.add("pour : " + String.join(", ", services.stream().map(MediationService::plainWords).toList()));
		}
		if (!publics.isEmpty()) {
			parts.add("publics : " + String.join(", ", publics.stream().map(SpecificPublic::label).toList()));
		}
		return String.join(" ; ", parts);
	}

	private static <E extends Enum<E> & Vocabulary> List<E> vocabulary(Class<E> type, @Nullable List<String> labels,
			String parameter) {
		if (labels == null) {
			return List.of();
		}
		List<E> values = new ArrayList<>();
		for (String label : labels) {
			if (label.isBlank()) {
				continue;
			}
			values.add(Vocabulary.findByLabel(type, label.strip())
				.orElseThrow(() -> new BadRequestException(parameter + "_inconnu", "« " + cut(label)
						+ " » n’est pas une valeur connue de « " + parameter + " » : écrivez-la comme le standard.")));
		}
		return values;
	}

	private static String cut(String text) {
		return text.length() > 40 ? text.substring(0, 40) + "…" : text;
	}

	/**
	 * A territory by its code: 9 digits an EPCI, then a département (or 69D/69M), then a
	 * commune; anything else a French 404.
	 */
	private DirectoryTerritory directoryTerritory(String rawCode) {
		String code = rawCode.strip().toUpperCase(Locale.ROOT);
		if (code.matches("\\d{9}")) {
			TerritoryDetails epci = territories.getEpci(code);
			return new DirectoryTerritory("epci", epci.code(), epci.nom(),
					territories.listCommuneCodes(TerritoryLevel.EPCI, epci.code()));
		}
		if (code.length() <= 3) {
			TerritoryDetails departement = territories.getDepartement(code);
			return new DirectoryTerritory("departement", departement.code(),
					departement.nom() + " (" + departement.code() + ")",
					territories.listCommuneCodes(TerritoryLevel.DEPARTEMENT, departement.code()));
		}
		TerritoryDetails commune = territories.getCommune(code);
		return new DirectoryTerritory("commune", commune.code(), commune.nom(), List.of(commune.code()));
	}

	static String placeUrl(PublicAddress publicAddress, String id) {
		return UriComponentsBuilder.fromUriString(publicAddress.get())
			.path("/lieux/{id}")
			.buildAndExpand(id)
			.encode()
			.toUriString();
	}

	/** Where the data comes from, as a footer says it. */
	static String sourceName(PublicAddress publicAddress) {
		return "Maillage (" + publicAddress.get().replaceFirst("^https?://", "").replaceFirst("/$", "")
				+ "), d’après les lieux publiés par leurs producteurs";
	}

	static LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(OpeningHoursEvaluator.PARIS));
	}

	static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}

}
