package fr.maillage.places.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;

import fr.maillage.places.Confirmations;
import fr.maillage.places.Freshness;
import fr.maillage.places.Place;
import fr.maillage.places.hours.OpeningHoursEvaluator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public badge of a place under the one {@link Freshness} rule: the producer's (or
 * edit's) date and the last « toujours exact » confirmation, with the period coordinators
 * see in their indicator.
 */
@Component
class PlaceFreshness {

	/** A place's badge and the date it rests on. */
	record Badge(Freshness freshness, @Nullable LocalDate lastVouched) {
	}

	private final Confirmations confirmations;

	private final Clock clock;

	private final Period validity;

	PlaceFreshness(ObjectProvider<Confirmations> confirmations, Clock clock,
			@Value("${maillage.fraicheur.validite-mois:6}") int validityMonths) {
		this.confirmations = confirmations.getIfAvailable(() -> Confirmations.NONE);
		this.clock = clock;
		this.validity = Period.ofMonths(validityMonths);
	}

	Badge of(Place place) {
		LocalDate last = Freshness.lastVouched(place.updatedOn(),
				confirmations.findLastConfirmation(place.id()).orElse(null));
		return new Badge(Freshness.of(last, LocalDate.now(clock.withZone(OpeningHoursEvaluator.PARIS)), validity),
				last);
	}

}
