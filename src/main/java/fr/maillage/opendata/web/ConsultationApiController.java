package fr.maillage.opendata.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlaceQuery;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.Territories;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The roadmap indicator "nombre de consultations" for a territory: page views of its
 * places, summed over a period ({@code du}, {@code au}, default the last 30 days), with
 * the same filters as {@code GET /api/v1/lieux}. Public.
 */
@RestController
class ConsultationApiController {

	private final PlaceDirectory directory;

	private final Territories territories;

	private final Clock clock;

	ConsultationApiController(PlaceDirectory directory, Territories territories, Clock clock) {
		this.directory = directory;
		this.territories = territories;
		this.clock = clock;
	}

	@GetMapping(path = "/api/v1/consultations", produces = MediaType.APPLICATION_JSON_VALUE)
	Map<String, Object> total(@RequestParam MultiValueMap<String, String> parameters) {
		LocalDate to = date(parameters.getFirst("au"), "au", LocalDate.now(clock));
		LocalDate from = date(parameters.getFirst("du"), "du", to.minusDays(29));
		if (from.isAfter(to)) {
			throw new BadRequestException("parametre_invalide", "« du » doit précéder « au ».");
		}
		PlaceQuery query = PlaceQueryParameters.read(parameters, territories);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("du", from);
		body.put("au", to);
		body.put("consultations", directory.sumConsultations(query, from, to));
		return body;
	}

	private static LocalDate date(@Nullable String value, String name, LocalDate defaultValue) {
		if (value == null || value.isBlank()) {
			return defaultValue;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new BadRequestException("parametre_invalide", "« " + name + " » : date AAAA-MM-JJ attendue.");
		}
	}

}
