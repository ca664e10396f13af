package fr.maillage.places.web;

import java.time.Clock;

import fr.maillage.shared.web.HourlyThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many « Recevoir cette fiche par courriel » an hour, per client and overall
 * ({@code maillage.envoi-fiche.*}).
 */
@Component
class SendingThrottle extends HourlyThrottle {

	SendingThrottle(Clock clock, @Value("${maillage.envoi-fiche.par-client-par-heure:5}") int perClient,
			@Value("${maillage.envoi-fiche.par-heure:200}") int overall) {
		super(clock, perClient, overall);
	}

}
