package fr.maillage.opendata.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import fr.maillage.opendata.FieldLabels;
import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.opendata.DuplicateReview;
import fr.maillage.opendata.DuplicateReview.PairPage;
import fr.maillage.opendata.DuplicateReview.ReviewedPair;
import fr.maillage.opendata.merging.DirectoryMerge;
import fr.maillage.opendata.merging.DuplicateDetector;
import fr.maillage.opendata.persistence.JdbcDuplicateRepository;
import fr.maillage.opendata.persistence.JdbcDuplicateRepository.Pair;
import fr.maillage.opendata.publishing.SchemaRecords;
import fr.maillage.opendata.schema.SchemaField;
import fr.maillage.places.Place;
import fr.maillage.shared.web.ConflictException;
import fr.maillage.shared.web.NotFoundException;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * The review queue as pages (issue 15): a coordinator sees the pairs of its territory,
 * compares the two records side by side and on a map, reads why the score proposed them,
 * and decides « Même lieu » or « Lieux différents » through {@link DuplicateReview}, with
 * the rules of the API ({@link DuplicateApiController}).
 */
@Controller
class DuplicateReviewController {

	private static final int PAGE_SIZE = 20;

	private static final DateTimeFormatter DECIDED_AT = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' HH'h'mm",
			Locale.FRENCH);

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final Map<String, String> DECISIONS = Map.of(JdbcDuplicateRepository.MERGE, "Même lieu",
			JdbcDuplicateRepository.DISTINCT, "Lieux différents", JdbcDuplicateRepository.TO_REVIEW, "À examiner");

	private final DuplicateReview review;

	private final Territories territories;

	private final ObjectMapper json;

	private final String tileUrl;

	private final String tileAttribution;

	DuplicateReviewController(DuplicateReview review, Territories territories, ObjectMapper json,
			@Value("${maillage.carte.tuiles:}") String tileUrl,
			@Value("${maillage.carte.attribution:}") String tileAttribution) {
		this.review = review;
		this.territories = territories;
		this.json = json;
		this.tileUrl = tileUrl;
		this.tileAttribution = tileAttribution;
	}

	/** One pair in the queue. */
	record QueueItem(String id, int score, String nameA, String placeA, String nameB, String placeB,
			@Nullable String decision) {
	}

	/** A tab of the queue. */
	record Status(String code, String label, boolean current) {
	}

	@GetMapping("/espace/doublons")
	String queue(@AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "statut", defaultValue = JdbcDuplicateRepository.TO_REVIEW) String status,
			@RequestParam(defaultValue = "1") int page,
			@RequestParam(name = "decision", required = false) @Nullable String decided, Model model) {
		String shown = DuplicateReview.STATUSES.contains(status) ? status : JdbcDuplicateRepository.TO_REVIEW;
		int current = Math.max(1, page);
		PairPage pairs = review.listPairsFor(account, shown, current, PAGE_SIZE);
		model.addAttribute("statut", shown);
		model.addAttribute("statuts", List
			.of(JdbcDuplicateRepository.TO_REVIEW, JdbcDuplicateRepository.MERGE, JdbcDuplicateRepository.DISTINCT)
			.stream()
			.map(code -> new Status(code, DECISIONS.get(code), code.equals(shown)))
			.toList());
		model.addAttribute("libelleStatut", DECISIONS.get(shown));
		model.addAttribute("total", pairs.total());
		model.addAttribute("page", current);
		model.addAttribute("pages", Math.max(1, (pairs.total() + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("paires", pairs.pairs().stream().map(DuplicateReviewController::item).toList());
		model.addAttribute("territoires", territoryNames(account));
		model.addAttribute("administrateur", account.role() == fr.maillage.accounts.Role.ADMINISTRATEUR);
		if (decided != null && DECISIONS.containsKey(decided)) {
			model.addAttribute("confirmation", "Décision enregistrée : « " + DECISIONS.get(decided)
					+ " ». L'annuaire publié en tient compte dès maintenant.");
		}
		return "opendata/doublons";
	}

	@GetMapping("/espace/doublons/{id}")
	String pair(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account, Model model) {
		ReviewedPair pair = visiblePair(id, account);
		describe(pair, model);
		return "opendata/doublon";
	}

	@PostMapping("/espace/doublons/{id}/decision")
	String decide(@PathVariable String id, @AuthenticationPrincipal AccountPrincipal account,
			@RequestParam(name = "decision", defaultValue = "") String decision, Model model,
			HttpServletResponse response) {
		ReviewedPair pair = visiblePair(id, account);
		try {
			review.decide(pair.pair().id(), decision, account.signature());
		}
		catch (ConflictException alreadyDecided) {
			// the page says it in words, with the date in French, rather than the API's
			// text
			ReviewedPair now = review.findPair(id).orElse(pair);
			describe(now, model);
			boolean byYou = account.signature().equals(now.pair().author());
			model.addAttribute("erreur",
					(byYou ? "Vous aviez déjà décidé cette paire (dans un autre onglet ?)"
							: "Cette paire a déjà été décidée par quelqu'un d'autre")
							+ " : voyez la décision ci-dessous. Ce nouveau choix n'a pas été enregistré.");
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return "opendata/doublon";
		}
		return "redirect:/espace/doublons?decision=" + decision;
	}

	/**
	 * The pair, if the account may see it: a pair outside one's territories is not found,
	 * as if it did not exist.
	 */
	private ReviewedPair visiblePair(String id, AccountPrincipal account) {
		return review.findPair(id)
			.filter(pair -> review.mayDecide(account, pair))
			.orElseThrow(() -> new NotFoundException(
					"Cette paire de doublons potentiels n'existe pas, " + "ou ne concerne pas vos territoires."));
	}

	/** One line of the side-by-side table. */
	record Row(String label, String valueA, String valueB, boolean different) {
	}

	private void describe(ReviewedPair reviewed, Model model) {
		Place a = reviewed.recordA();
		Place b = reviewed.recordB();
		Pair pair = reviewed.pair();
		Map<String, String> fieldsA = SchemaRecords.asText(a);
		Map<String, String> fieldsB = SchemaRecords.asText(b);
		List<Row> rows = new ArrayList<>();
		rows.add(new Row("Fourni par", origin(a), origin(b), false));
		for (SchemaField field : SchemaField.values()) {
			if (field == SchemaField.ID) {
				continue;
			}
			String valueA = FieldLabels.value(fieldsA.get(field.columnName())).strip();
			String valueB = FieldLabels.value(fieldsB.get(field.columnName())).strip();
			if (valueA.isEmpty() && valueB.isEmpty()) {
				continue;
			}
			if (field == SchemaField.DATE_MAJ) {
				valueA = FieldLabels.date(a.updatedOn());
				valueB = FieldLabels.date(b.updatedOn());
			}
			rows.add(new Row(FieldLabels.label(field.columnName()), valueA, valueB, !valueA.equalsIgnoreCase(valueB)));
		}
		model.addAttribute("paire", pair);
		model.addAttribute("lieuA", a);
		model.addAttribute("lieuB", b);
		model.addAttribute("lignes", rows);
		model.addAttribute("differences", rows.stream().filter(Row::different).count());
		model.addAttribute("raisons",
				DuplicateDetector.explain(DirectoryMerge.asCandidate(a), DirectoryMerge.asCandidate(b)));
		model.addAttribute("aExaminer", pair.status().equals(JdbcDuplicateRepository.TO_REVIEW));
		model.addAttribute("decision", DECISIONS.get(pair.status()));
		model.addAttribute("decidePar", FieldLabels.person(pair.author()));
		model.addAttribute("decideLe",
				pair.decidedAt() == null ? null : DECIDED_AT.format(pair.decidedAt().atZone(PARIS)));
		model.addAttribute("points", points(a, b));
		model.addAttribute("tileUrl", tileUrl);
		model.addAttribute("tileAttribution", tileAttribution);
	}

	private static String origin(Place place) {
		return FieldLabels.source(place.origin().importSource()) + " (fiche " + place.origin().sourceId() + ")";
	}

	/**
	 * The two points for the map script, as JSON in a data- attribute (escaped there).
	 */
	private @Nullable String points(Place a, Place b) {
		List<Map<String, Object>> points = new ArrayList<>();
		for (Place place : List.of(a, b)) {
			if (place.coordinates() == null) {
				continue;
			}
			Map<String, Object> point = new LinkedHashMap<>();
			point.put("lettre", place == a ? "A" : "B");
			point.put("nom", place.name());
			point.put("lat", place.coordinates().latitude());
			point.put("lon", place.coordinates().longitude());
			points.add(point);
		}
		return points.isEmpty() ? null : json.writeValueAsString(points);
	}

	private static QueueItem item(ReviewedPair pair) {
		return new QueueItem(pair.pair().id(), pair.pair().score(), pair.recordA().name(), where(pair.recordA()),
				pair.recordB().name(), where(pair.recordB()),
				pair.pair().status().equals(JdbcDuplicateRepository.TO_REVIEW) ? null
						: DECISIONS.get(pair.pair().status()));
	}

	private static String where(Place place) {
		return place.address() + ", " + place.postalCode() + " " + place.commune() + " · "
				+ FieldLabels.source(place.origin().importSource());
	}

	/** "Rhône (69)", and EPCI by name, as people know their territories. */
	private List<String> territoryNames(AccountPrincipal account) {
		List<String> names = new ArrayList<>();
		Map<String, String> departements = territories.mapNames(TerritoryLevel.DEPARTEMENT);
		account.scopes("departement")
			.forEach(code -> names
				.add(Objects.requireNonNullElse(departements.get(code), "Département") + " (" + code + ")"));
		if (!account.scopes("epci").isEmpty()) {
			Map<String, String> epcis = territories.mapNames(TerritoryLevel.EPCI);
			account.scopes("epci").forEach(siren -> names.add(Objects.requireNonNullElse(epcis.get(siren), siren)));
		}
		return names;
	}

}
