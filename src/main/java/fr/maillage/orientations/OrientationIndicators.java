package fr.maillage.orientations;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.accounts.Role;
import fr.maillage.accounts.TerritoryScope;
import fr.maillage.orientations.domain.RefusalReason;
import fr.maillage.orientations.domain.SmallCountPolicy;
import fr.maillage.orientations.persistence.JdbcOrientationIndicatorsRepository;
import fr.maillage.orientations.persistence.JdbcOrientationIndicatorsRepository.FunnelRow;
import fr.maillage.orientations.persistence.JdbcScreeningRepository;
import fr.maillage.shared.web.BadRequestException;
import fr.maillage.territories.CommuneProfile;
import fr.maillage.territories.TerritoryDetails;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.Territories;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of a territory's orientations (issue 16, item 3): sent, accepted, refused,
 * expired, came, did not come, the median delays, the loss rate and the refusal reasons,
 * overall and per EPCI. For the coordinators of that territory and the administrators; no
 * personal data, and no figure computed from fewer orientations than the
 * {@link SmallCountPolicy} allows.
 */
@Service
public class OrientationIndicators {

	/** Without dates: the last twelve months. */
	static final int DEFAULT_DAYS = 365;

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private final JdbcOrientationIndicatorsRepository repository;

	private final Territories territories;

	private final SmallCountPolicy policy;

	private final Clock clock;

	private final JdbcScreeningRepository screenings;

	OrientationIndicators(JdbcOrientationIndicatorsRepository repository, JdbcScreeningRepository screenings,
			Territories territories, Clock clock,
			@Value("${maillage.orientations.indicateurs.seuil:5}") int threshold) {
		this.repository = repository;
		this.screenings = screenings;
		this.territories = territories;
		this.clock = clock;
		this.policy = new SmallCountPolicy(threshold);
	}

	public SmallCountPolicy policy() {
		return policy;
	}

	/**
	 * One funnel: every figure empty when the policy hides it.
	 *
	 * @param code the EPCI's SIREN, « ? » for communes of no known EPCI, null for the
	 * whole territory
	 * @param lossRate the share of the orientations that ended (refused, expired, came,
	 * did not come) where she did not come
	 */
	public record Funnel(@Nullable String code, String name, OptionalLong sent, OptionalLong accepted,
			OptionalLong refused, OptionalLong expired, OptionalLong came, OptionalLong didNotCome,
			Optional<Double> medianAnswerDays, Optional<Double> medianVisitDays, Optional<Double> lossRate) {
	}

	/**
	 * @param level departement or epci
	 * @param reasons refusal reason code → count (empty when hidden)
	 * @param screenings the repérages of the territory in the months of the period
	 */
	public record Figures(String level, String code, String name, LocalDate from, LocalDate to, int threshold,
			Funnel total, List<Funnel> perEpci, Map<String, OptionalLong> reasons, ScreeningFigures screenings) {
	}

	/**
	 * What the territory's repérages said (issue 16, item 2: « otherwise only anonymous
	 * counts per territory and month »): how many, and per question how many times each
	 * answer was given. Counted per month, so the whole months of the period. A count
	 * from too few repérages is hidden like the orientations' ones.
	 *
	 * @param answers question code → answer code → count (empty when hidden)
	 */
	public record ScreeningFigures(LocalDate fromMonth, LocalDate toMonth, OptionalLong total,
			Map<String, Map<String, OptionalLong>> answers) {
	}

	/**
	 * The figures of a département (or 69D, 69M) or an EPCI between two days, inclusive.
	 * @param account null for the administrator's bootstrap token
	 * @throws BadRequestException for a missing or doubled territory, a wrong date
	 * @throws AccessDeniedException unless a coordinator of that territory or an
	 * administrator
	 */
	@Transactional(readOnly = true)
	public Figures compute(@Nullable String departement, @Nullable String epci, @Nullable String du,
			@Nullable String au, @Nullable AccountPrincipal account) {
		boolean byDepartement = departement != null && !departement.isBlank();
		boolean byEpci = epci != null && !epci.isBlank();
		if (byDepartement == byEpci) {
			throw new BadRequestException("territoire_requis",
					"Indiquez un territoire, et un seul : « departement » (par exemple 16 ou 69M) ou « epci » (son SIREN).");
		}
		LocalDate to = date(au, "au").orElse(LocalDate.now(clock.withZone(PARIS)));
		LocalDate from = date(du, "du").orElse(to.minusDays(DEFAULT_DAYS - 1));
		if (from.isAfter(to)) {
			throw new BadRequestException("periode_invalide", "« du » doit précéder « au ».");
		}
		String code = byDepartement ? departement.strip().toUpperCase() : epci.strip();
		TerritoryDetails territory = byDepartement ? territories.getDepartement(code) : territories.getEpci(code);
		List<CommuneProfile> communes = territories.listCurrentCommunes()
			.stream()
			.filter(commune -> commune.isIn(byDepartement ? TerritoryLevel.DEPARTEMENT : TerritoryLevel.EPCI, code))
			.toList();
		checkAccess(account, byDepartement, code, communes);
		// the Rhône's collectivités are lists of communes; a département is its code, an
		// EPCI its SIREN
		boolean collectivite = byDepartement && (code.equals("69D") || code.equals("69M"));
		List<String> scope = collectivite ? territories.listCommuneCodes(TerritoryLevel.DEPARTEMENT, code) : null;
		String departementFilter = byDepartement && !collectivite ? code : null;
		String epciFilter = byDepartement ? null : code;
		var fromInstant = from.atStartOfDay(PARIS).toInstant();
		var toInstant = to.plusDays(1).atStartOfDay(PARIS).toInstant();
		List<FunnelRow> rows = repository.funnel(departementFilter, epciFilter, scope, fromInstant, toInstant);
		Map<String, String> names = territories.mapNames(TerritoryLevel.EPCI);
		Funnel total = funnel(null, territory.nom(),
				rows.stream()
					.filter(row -> row.group() == null)
					.findFirst()
					.orElse(new FunnelRow(null, 0, 0, 0, 0, 0, 0, 0, 0, null, null)));
		List<Funnel> perEpci = rows.stream()
			.filter(row -> row.group() != null)
			.map(row -> funnel(row.group(),
					row.group().equals("?") ? "Commune sans EPCI connu" : names.getOrDefault(row.group(), row.group()),
					row))
			.sorted(java.util.Comparator.comparing(Funnel::name,
					java.text.Collator.getInstance(java.util.Locale.FRENCH)))
			.toList();
		Map<String, OptionalLong> reasons = new LinkedHashMap<>();
		boolean anyShown = total.sent().isPresent();
		for (var reason : repository.refusalReasons(departementFilter, epciFilter, scope, fromInstant, toInstant)) {
			reasons.put(reason.reason(), anyShown ? policy.count(reason.count()) : OptionalLong.empty());
		}
		List<String> epcis = byDepartement && !collectivite ? null : byDepartement
				? communes.stream().map(commune -> commune.epci() == null ? "" : commune.epci()).distinct().toList()
				: List.of(code);
		return new Figures(byDepartement ? "departement" : "epci", code, territory.nom(), from, to, policy.minimum(),
				total, perEpci, reasons,
				screeningFigures(byDepartement ? (collectivite ? "69" : code) : null, epcis, from, to));
	}

	private ScreeningFigures screeningFigures(@Nullable String departement, @Nullable List<String> epcis,
			LocalDate from, LocalDate to) {
		LocalDate fromMonth = from.withDayOfMonth(1);
		LocalDate toMonth = to.withDayOfMonth(1);
		long total = 0;
		Map<String, Map<String, OptionalLong>> answers = new LinkedHashMap<>();
		for (JdbcScreeningRepository.AnswerTotal row : screenings.sumCounts(departement, epcis, fromMonth, toMonth)) {
			if (row.question().equals("reperages")) {
				total = row.count();
			}
			else {
				answers.computeIfAbsent(row.question(), question -> new LinkedHashMap<>())
					.put(row.answer(), OptionalLong.of(row.count()));
			}
		}
		if (!policy.shows(total)) {
			// too few repérages: no answer at all, not even the parts
			return new ScreeningFigures(fromMonth, toMonth, OptionalLong.empty(), Map.of());
		}
		answers.values().forEach(counts -> counts.replaceAll((answer, count) -> policy.count(count.getAsLong())));
		return new ScreeningFigures(fromMonth, toMonth, OptionalLong.of(total), answers);
	}

	/** The words of a refusal reason's code. */
	public static String reasonLabel(String code) {
		return RefusalReason.findByCode(code).map(RefusalReason::label).orElse(code);
	}

	private Funnel funnel(@Nullable String code, String name, FunnelRow row) {
		if (!policy.shows(row.sent())) {
			// too few orientations: nothing at all, not even the parts
			return new Funnel(code, name, OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(),
					OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), Optional.empty(),
					Optional.empty(), Optional.empty());
		}
		long ended = row.refused() + row.expired() + row.came() + row.didNotCome();
		Optional<Double> loss = ended == 0 || !policy.shows(ended) ? Optional.empty()
				: Optional.of(round((double) (ended - row.came()) / ended, 3));
		return new Funnel(code, name, policy.count(row.sent()), policy.count(row.accepted()),
				policy.count(row.refused()), policy.count(row.expired()), policy.count(row.came()),
				policy.count(row.didNotCome()), median(row.medianAnswerDays(), row.answered()),
				median(row.medianVisitDays(), row.came()), loss);
	}

	private Optional<Double> median(@Nullable Double days, long basis) {
		return days == null || basis == 0 || !policy.shows(basis) ? Optional.empty() : Optional.of(round(days, 1));
	}

	private static double round(double value, int decimals) {
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

	private static Optional<LocalDate> date(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(value.strip()));
		}
		catch (DateTimeParseException invalid) {
			throw new BadRequestException("date_invalide",
					"« " + name + " » doit être une date AAAA-MM-JJ, par exemple 2026-01-31.");
		}
	}

	/**
	 * Coordinators of the territory (its département, or the EPCI itself, or the
	 * département of its communes) and administrators.
	 */
	private static void checkAccess(@Nullable AccountPrincipal account, boolean byDepartement, String code,
			List<CommuneProfile> communes) {
		if (account == null || account.role() == Role.ADMINISTRATEUR) {
			return;
		}
		boolean allowed;
		if (account.role() != Role.COORDINATEUR) {
			allowed = false;
		}
		else if (byDepartement) {
			allowed = account.scopes("departement").contains(code)
					|| (code.equals("69D") || code.equals("69M")) && account.scopes("departement").contains("69");
		}
		else {
			allowed = !communes.isEmpty() && communes.stream()
				.allMatch(commune -> TerritoryScope.covers(account, commune.departement(), commune.collectivite(),
						commune.epci()));
		}
		if (!allowed) {
			throw new AccessDeniedException(
					"Ces chiffres sont ceux des coordinateurs de ce territoire et des administrateurs.");
		}
	}

}
