package fr.maillage.contributions.web;

import java.util.LinkedHashMap;
import java.util.Map;

import fr.maillage.contributions.LieuFreshness;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The roadmap indicator "nombre de fiches à jour" (issue 6). Public. */
@RestController
class FreshnessApiController {

	private final LieuFreshness freshness;

	FreshnessApiController(LieuFreshness freshness) {
		this.freshness = freshness;
	}

	@GetMapping(path = "/api/v1/indicateurs/fraicheur", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> indicator(@RequestParam String departement) {
		LieuFreshness.Indicator indicator = freshness.indicator(FreshnessController.check(departement));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("departement", indicator.departement());
		body.put("lieux", indicator.lieux());
		body.put("a_jour", indicator.upToDate());
		body.put("part", indicator.share());
		// connectors whose producer gives no date: never counted à jour, never dated by
		// the import
		body.put("date_inconnue", indicator.unknownDate());
		body.put("validite_mois", indicator.validityMonths());
		body.put("date", indicator.day());
		return body;
	}

}
