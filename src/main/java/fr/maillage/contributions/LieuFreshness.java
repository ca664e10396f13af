package fr.maillage.contributions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import fr.maillage.accounts.AccountPrincipal;
import fr.maillage.contributions.persistence.JdbcConfirmationRepository;
import fr.maillage.places.Confirmations;
import fr.maillage.places.Freshness;
import fr.maillage.places.Place;
import fr.maillage.places.PlaceDirectory;
import fr.maillage.places.PlaceSummary;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which lieux are "à jour" ({@link Freshness}, the same rule as the public badge), per
 * département, and the "toujours exact" confirmation that vouches for a lieu without
 * changing it — which the public pages read through the {@link Confirmations} port.
 */
@Service
public class LieuFreshness implements Confirmations {

	private final JdbcConfirmationRepository confirmations;

	private final PlaceDirectory places;

	private final LieuEditing editing;

	private final LieuScopes scopes;

	private final Clock clock;

	private final Period validity;

	LieuFreshness(JdbcConfirmationRepository confirmations, PlaceDirectory places, LieuEditing editing,
			LieuScopes scopes, Clock clock, @Value("${maillage.fraicheur.validite-mois:6}") int validityMonths) {
		this.confirmations = confirmations;
		this.places = places;
		this.editing = editing;
		this.scopes = scopes;
		this.clock = clock;
		this.validity = Period.ofMonths(validityMonths);
	}

	/** The validity period, in months, of the one freshness rule. */
	public int validityMonths() {
		return validity.getMonths();
	}

	/** A lieu and when it was last vouched for. */
	public record Vouched(String id, String name, String commune, @Nullable LocalDate lastVouched,
			Freshness freshness) {

		public boolean upToDate() {
			return freshness == Freshness.UP_TO_DATE;
		}

	}

	/** Number and share of lieux à jour, and how many have no known date. */
	public record Indicator(String departement, int lieux, int upToDate, double share, int unknownDate,
			int validityMonths, LocalDate day) {
	}

	public Indicator indicator(String departement) {
		List<Vouched> all = listLieux(departement);
		int upToDate = (int) all.stream().filter(Vouched::upToDate).count();
		int unknown = (int) all.stream().filter(lieu -> lieu.freshness() == Freshness.UNKNOWN_DATE).count();
		return new Indicator(departement, all.size(), upToDate,
				all.isEmpty() ? 0 : Math.round(1000.0 * upToDate / all.size()) / 1000.0, unknown, validity.getMonths(),
				today());
	}

	/** The lieux of a département (or 69D, 69M), stale ones first (oldest first). */
	public List<Vouched> listLieux(String departement) {
		LocalDate today = today();
		List<PlaceSummary> summaries = scopes.listInDepartement(departement);
		Map<String, LocalDate> confirmed = mapLastConfirmations(summaries);
		List<Vouched> lieux = new ArrayList<>(summaries.stream().map(lieu -> {
			LocalDate last = Freshness.lastVouched(lieu.updatedOn(), confirmed.get(lieu.id()));
			return new Vouched(lieu.id(), lieu.name(), lieu.commune(), last, Freshness.of(last, today, validity));
		}).toList());
		lieux.sort(java.util.Comparator.comparing(Vouched::upToDate)
			.thenComparing(Vouched::lastVouched, java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()))
			.thenComparing(Vouched::name));
		return lieux;
	}

	/** Whether one lieu is à jour today. */
	public boolean isUpToDate(Place place) {
		return Freshness.isUpToDate(
				Freshness.lastVouched(place.updatedOn(), findLastConfirmation(place.id()).orElse(null)), today(),
				validity);
	}

	/** The day each of these lieux was last confirmed (Paris time); absent when never. */
	Map<String, LocalDate> mapLastConfirmations(List<PlaceSummary> lieux) {
		Map<String, LocalDate> days = new HashMap<>();
		// beyond a few thousand lieux, reading every confirmation (one row per confirmed
		// lieu) costs less than sending their ids
		Map<String, Instant> last = lieux.size() > 5_000 ? confirmations.mapAllLastConfirmations()
				: confirmations.mapLastConfirmations(lieux.stream().map(PlaceSummary::id).toList());
		last.forEach((id, moment) -> days.put(id, parisDay(moment)));
		return days;
	}

	/** The period a lieu vouched for stays « à jour ». */
	java.time.Period validity() {
		return validity;
	}

	@Override
	public Optional<LocalDate> findLastConfirmation(String lieuId) {
		UUID id;
		try {
			id = UUID.fromString(lieuId);
		}
		catch (IllegalArgumentException notAnId) {
			return Optional.empty();
		}
		return confirmations.findLastConfirmation(id).map(LieuFreshness::parisDay);
	}

	/**
	 * "Toujours exact": vouches for the lieu as it is.
	 * @throws AccessDeniedException when the account may not edit this lieu
	 */
	@Transactional
	public void confirm(String lieuId, AccountPrincipal author) {
		Place place = places.getPlace(lieuId);
		if (!editing.mayEdit(author, place)) {
			throw new AccessDeniedException("Vous ne pouvez pas confirmer ce lieu.");
		}
		confirmations.addConfirmation(UUID.fromString(place.id()), UUID.fromString(author.id()), author.signature(),
				clock.instant());
	}

	private static @Nullable LocalDate parisDay(@Nullable Instant moment) {
		return moment == null ? null : moment.atZone(OpeningHoursEvaluator.PARIS).toLocalDate();
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(OpeningHoursEvaluator.PARIS));
	}

}
