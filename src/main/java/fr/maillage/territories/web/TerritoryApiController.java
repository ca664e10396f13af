package fr.maillage.territories.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryDetails;
import fr.maillage.territories.TerritoryHit;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Territory search and details (docs/api.md). Public. */
@RestController
@RequestMapping(path = "/api/v1/territoires", produces = MediaType.APPLICATION_JSON_VALUE)
class TerritoryApiController {

	private final Territories territories;

	TerritoryApiController(Territories territories) {
		this.territories = territories;
	}

	@GetMapping("/recherche")
	Map<String, Object> search(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "limite", defaultValue = "10") int limit) {
		if (query == null || query.isBlank()) {
			throw new BadRequestException("parametre_manquant",
					"Indiquez une commune, un code postal, une intercommunalité ou un département dans « q ».");
		}
		if (limit < 1 || limit > Territories.MAX_HITS) {
			throw new BadRequestException("parametre_invalide",
					"« limite » doit être comprise entre 1 et " + Territories.MAX_HITS + ".");
		}
		List<TerritoryHit> hits = territories.searchTerritories(query, limit);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("q", query);
		body.put("resultats", hits);
		return body;
	}

	@GetMapping("/communes/{codeInsee}")
	TerritoryDetails commune(@PathVariable String codeInsee) {
		return territories.getCommune(codeInsee);
	}

	@GetMapping("/epci/{siren}")
	TerritoryDetails epci(@PathVariable String siren) {
		return territories.getEpci(siren);
	}

	@GetMapping("/departements/{code}")
	TerritoryDetails departement(@PathVariable String code) {
		return territories.getDepartement(code);
	}

	@GetMapping(path = "/departements.geojson", produces = "application/geo+json;charset=UTF-8")
	String departementsGeoJson() {
		return territories.departementsGeoJson();
	}

	@GetMapping(path = "/departements/{code}/communes.geojson", produces = "application/geo+json;charset=UTF-8")
	String communesGeoJson(@PathVariable String code) {
		return territories.getCommunesGeoJson(code);
	}

	@GetMapping(path = "/epci/{siren}/communes.geojson", produces = "application/geo+json;charset=UTF-8")
	String epciCommunesGeoJson(@PathVariable String siren) {
		return territories.getEpciCommunesGeoJson(siren);
	}

	@GetMapping(path = "/communes/{codeInsee}.geojson", produces = "application/geo+json;charset=UTF-8")
	String communeGeoJson(@PathVariable String codeInsee) {
		return territories.getCommuneGeoJson(codeInsee);
	}

	@GetMapping("/regions/{code}")
	TerritoryDetails region(@PathVariable String code) {
		return territories.getRegion(code);
	}

}
