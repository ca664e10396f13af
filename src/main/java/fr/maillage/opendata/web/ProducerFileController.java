package fr.maillage.opendata.web;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;

import fr.maillage.opendata.publishing.SchemaCsv;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlaceQuery;
import fr.maillage.shared.text.TextFolding;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A territory's lieux as a producer file for the national cartography's aggregation
 * (issue 19, part 6): the schema v1.0.2 CSV of {@code export.csv}, for one territory,
 * named as the pipeline expects a producer's file:
 * {@code <AAAAMMJJ>_<siren>_lieux-de-mediation-numerique_<territoire>.csv}, where the
 * SIREN is the producer's (the collectivité or hub that publishes) and the territory the
 * département's, EPCI's or région's name in lower case without accents.
 */
@RestController
class ProducerFileController {

	private static final Pattern SIREN = Pattern.compile("\\d{9}");

	private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final PlaceDirectory directory;

	private final Territories territories;

	private final Clock clock;

	private final String configuredSiren;

	ProducerFileController(PlaceDirectory directory, Territories territories, Clock clock,
			@Value("${maillage.producteur.siren:}") String configuredSiren) {
		this.directory = directory;
		this.territories = territories;
		this.clock = clock;
		this.configuredSiren = configuredSiren.strip();
	}

	@GetMapping("/api/v1/lieux/export-producteur.csv")
	ResponseEntity<StreamingResponseBody> producerFile(@RequestParam MultiValueMap<String, String> parameters) {
		String siren = parameters.getFirst("siren") != null ? parameters.getFirst("siren").strip() : configuredSiren;
		if (!SIREN.matcher(siren).matches()) {
			throw new BadRequestException("parametre_invalide",
					"« siren » attend le SIREN du producteur (9 chiffres), ou bien configurez MAILLAGE_PRODUCTEUR_SIREN.");
		}
		String territory = territoryName(parameters);
		MultiValueMap<String, String> filters = new LinkedMultiValueMap<>(parameters);
		filters.remove("siren");
		PlaceQuery query = PlaceQueryParameters.read(filters, territories);
		String fileName = LocalDate.now(clock.withZone(ZoneId.of("Europe/Paris")))
			.format(DateTimeFormatter.BASIC_ISO_DATE) + "_" + siren + "_lieux-de-mediation-numerique_" + slug(territory)
				+ ".csv";
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
			.body(out -> {
				try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
					SchemaCsv csv = SchemaCsv.start(writer);
					directory.forEachPlace(query, csv::write);
					csv.finish();
				}
			});
	}

	/** The one territory the file covers: a département, an EPCI or a région. */
	private String territoryName(MultiValueMap<String, String> parameters) {
		List<String> given = List.of("departement", "epci", "region")
			.stream()
			.filter(name -> parameters.containsKey(name))
			.toList();
		if (given.size() != 1 || parameters.get(given.get(0)).size() != 1) {
			throw new BadRequestException("parametre_invalide",
					"Un fichier de producteur couvre un territoire : donnez un seul « departement », « epci » ou "
							+ "« region ».");
		}
		String code = parameters.getFirst(given.get(0)).strip();
		try {
			return switch (given.get(0)) {
				case "departement" -> territories.getDepartement(code).nom();
				case "epci" -> territories.getEpci(code).nom();
				default -> territories.getRegion(code).nom();
			};
		}
		catch (TerritoryNotFoundException unknown) {
			throw new BadRequestException("territoire_inconnu",
					"Territoire inconnu pour « " + given.get(0) + " » : « " + code + " ».");
		}
	}

	/** « Métropole de Lyon » → {@code metropole-de-lyon}. */
	static String slug(@Nullable String name) {
		String folded = name == null ? "" : TextFolding.fold(name);
		String slug = NOT_SLUG.matcher(folded).replaceAll("-").replaceAll("^-+|-+$", "");
		return slug.isEmpty() ? "territoire" : slug;
	}

}
