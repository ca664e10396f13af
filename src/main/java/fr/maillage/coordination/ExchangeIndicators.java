package fr.maillage.coordination;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.coordination.domain.Representativeness;
import fr.maillage.coordination.persistence.JdbcAttendanceRepository;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.Territories;
import fr.maillage.territories.TerritoryLevel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators of a territory's exchanges (issue 18, item 6; Rhône concertation: « Le
 * nombre de temps d'échanges – Le nombre de participants – Une représentativité des
 * différents acteurs »): meetings held (not cancelled, started in the period), people
 * present, distinct structures present, each actor type's share among them against its
 * share of the actors directory, the types never present, and whether the annual
 * departmental meeting was held. Aggregates of structures, public (ADR 0026). Two SQL
 * queries ({@link JdbcAttendanceRepository#exchangeFigures}).
 */
@Service
public class ExchangeIndicators {

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcAttendanceRepository meetings;

	private final Territories territories;

	private final Clock clock;

	ExchangeIndicators(JdbcAttendanceRepository meetings, Territories territories, Clock clock) {
		this.meetings = meetings;
		this.territories = territories;
		this.clock = clock;
	}

	/** The figures of a territory and period. */
	public record Figures(String departement, String name, @Nullable String epci, LocalDate from, LocalDate to,
			long meetings, long participants, long structures, Representativeness.Result representativeness,
			@Nullable LocalDate annualMeeting) {
	}

	/**
	 * @param departement a département code, 69D or 69M (« 69 » covers both)
	 * @param epci an EPCI's SIREN, optional
	 * @param from first day, 1 January of this year when blank
	 * @param to last day, 31 December of this year when blank
	 * @throws BadRequestException for an unknown territory or a wrong period, in French
	 */
	@Transactional(readOnly = true)
	public Figures compute(@Nullable String departement, @Nullable String epci, @Nullable String from,
			@Nullable String to) {
		if (departement == null || departement.isBlank()) {
			throw new BadRequestException("departement_manquant",
					"Indiquez le département (par exemple departement=69, 69D ou 69M).");
		}
		String code = departement.strip().toUpperCase(Locale.ROOT);
		Map<String, String> names = territories.mapNames(TerritoryLevel.DEPARTEMENT);
		String name = names.entrySet()
			.stream()
			.filter(entry -> entry.getKey().equalsIgnoreCase(code))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElseThrow(() -> new BadRequestException("departement_inconnu",
					"« " + departement.strip() + " » n'est pas un code de département (par exemple 69, 69M ou 2A)."));
		String siren = epci == null || epci.isBlank() ? null : epci.strip();
		if (siren != null && !siren.matches("\\d{9}")) {
			throw new BadRequestException("epci_invalide",
					"L'EPCI se donne par son SIREN, 9 chiffres : « " + siren + " » n'en est pas un.");
		}
		int year = LocalDate.now(clock.withZone(PARIS)).getYear();
		LocalDate first = date("du", from, LocalDate.of(year, 1, 1));
		LocalDate last = date("au", to, LocalDate.of(year, 12, 31));
		if (first.isAfter(last)) {
			throw new BadRequestException("periode_invalide",
					"La date « du » (" + first + ") est après la date « au » (" + last + ").");
		}
		if (first.plusYears(20).isBefore(last)) {
			throw new BadRequestException("periode_trop_longue", "La période ne peut dépasser 20 ans.");
		}
		Instant start = first.atStartOfDay(PARIS).toInstant();
		// held: a meeting still to come is no exchange yet, even with people already
		// ticked
		Instant end = java.util.Collections
			.min(List.of(last.plusDays(1).atStartOfDay(PARIS).toInstant(), clock.instant()));
		JdbcAttendanceRepository.ExchangeFigures figures = meetings.exchangeFigures(departements(code), siren, start,
				end);
		return new Figures(code, name, siren, first, last, figures.meetings(), figures.participants(),
				figures.structures(), Representativeness.compute(figures.presentByType(), figures.directoryByType()),
				figures.annualMeeting() == null ? null : figures.annualMeeting().atZone(PARIS).toLocalDate());
	}

	private static LocalDate date(String field, @Nullable String text, LocalDate otherwise) {
		if (text == null || text.isBlank()) {
			return otherwise;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException notADate) {
			throw new BadRequestException("date_invalide", "« " + field + " » : « " + text.strip()
					+ " » n'est pas une date (AAAA-MM-JJ, par exemple 2026-01-01).");
		}
	}

	/** « 69 » also counts the meetings and actors of 69D and 69M. */
	static List<String> departements(String code) {
		return code.equals("69") ? List.of("69", "69D", "69M") : List.of(code);
	}

}
