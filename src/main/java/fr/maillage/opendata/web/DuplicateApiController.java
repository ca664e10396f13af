package fr.maillage.opendata.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.opendata.DuplicateReview;
import fr.maillage.opendata.DuplicateReview.ReviewedPair;
import fr.maillage.opendata.merging.DirectoryMerge;
import fr.maillage.opendata.merging.DuplicateDetector;
import fr.maillage.places.Place;
import fr.maillage.shared.web.BadRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review queue of potential duplicates (docs/api.md). Administrator only (accounts
 * module) until coordinators have accounts (issue 6).
 */
@RestController
@RequestMapping(path = "/api/v1/doublons", produces = MediaType.APPLICATION_JSON_VALUE)
class DuplicateApiController {

	private static final int MAX_SIZE = 200;

	private final DuplicateReview review;

	DuplicateApiController(DuplicateReview review) {
		this.review = review;
	}

	/**
	 * {@code departement} (repeatable or "|"-separated): pairs with a record in one of
	 * them, so that a coordinator sees the territory's pairs.
	 */
	@GetMapping
	Map<String, Object> list(@RequestParam(defaultValue = "a_examiner") String statut,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int taille,
			@RequestParam(name = "departement", required = false) @Nullable List<String> departements) {
		if (page < 1 || taille < 1 || taille > MAX_SIZE) {
			throw new BadRequestException("pagination_invalide",
					"« page » commence à 1 et « taille » va de 1 à " + MAX_SIZE + ".");
		}
		// 69D and 69M are both département 69 in the records
		List<String> codes = departements == null ? List.of()
				: departements.stream()
					.flatMap(value -> java.util.Arrays.stream(value.split("\\|")))
					.map(code -> code.strip().toUpperCase(java.util.Locale.ROOT))
					.map(code -> code.equals("69D") || code.equals("69M") ? "69" : code)
					.filter(code -> !code.isEmpty())
					.distinct()
					.toList();
		DuplicateReview.PairPage pairs = review.listPairs(statut, codes, page, taille);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("total", pairs.total());
		body.put("page", page);
		body.put("taille", taille);
		body.put("doublons", pairs.pairs().stream().map(DuplicateApiController::toJson).toList());
		return body;
	}

	/**
	 * A decision on a pair of the queue: {@code {"decision": "fusionner", "auteur":
	 * "…"}}.
	 */
	record DecisionForm(@Nullable String decision, @Nullable String auteur) {
	}

	@PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> decide(@PathVariable String id, @RequestBody DecisionForm form) {
		return toJson(review.decide(id, form.decision(), form.auteur()));
	}

	/**
	 * A decision on any two source records: {@code {"lieux": [idA, idB], "decision":
	 * "distincts", "auteur": "…"}}.
	 */
	record RecordsDecisionForm(@Nullable List<String> lieux, @Nullable String decision, @Nullable String auteur) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> decideRecords(@RequestBody RecordsDecisionForm form) {
		if (form.lieux() == null || form.lieux().size() != 2) {
			throw new BadRequestException("lieux_invalides",
					"« lieux » doit donner les identifiants de deux enregistrements sources.");
		}
		return toJson(review.decideRecords(form.lieux().get(0), form.lieux().get(1), form.decision(), form.auteur()));
	}

	private static Map<String, Object> toJson(ReviewedPair reviewed) {
		Map<String, Object> pair = new LinkedHashMap<>();
		pair.put("id", reviewed.pair().id());
		pair.put("score", reviewed.pair().score());
		pair.put("statut", reviewed.pair().status());
		pair.put("auteur", reviewed.pair().author());
		pair.put("decide_le", reviewed.pair().decidedAt());
		pair.put("detecte_le", reviewed.pair().detectedAt());
		pair.put("lieux", List.of(record(reviewed.recordA()), record(reviewed.recordB())));
		// why the score put the pair here: what a person reads before deciding
		pair.put("raisons", DuplicateDetector.explain(DirectoryMerge.asCandidate(reviewed.recordA()),
				DirectoryMerge.asCandidate(reviewed.recordB())));
		return pair;
	}

	private static Map<String, Object> record(Place record) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", record.id());
		json.put("source", record.origin().importSource());
		json.put("id_source", record.origin().sourceId());
		json.put("nom", record.name());
		json.put("adresse", record.address());
		json.put("code_postal", record.postalCode());
		json.put("commune", record.commune());
		json.put("pivot", record.pivot());
		json.put("latitude", record.coordinates() == null ? null : record.coordinates().latitude());
		json.put("longitude", record.coordinates() == null ? null : record.coordinates().longitude());
		json.put("date_maj", record.updatedOn());
		return json;
	}

}
