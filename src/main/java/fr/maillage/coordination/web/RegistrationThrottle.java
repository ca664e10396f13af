package fr.maillage.coordination.web;

import java.time.Clock;

import fr.maillage.shared.web.HourlyThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many registrations to meetings an hour, per client and overall
 * ({@code maillage.inscription-reunion.*}): the public form sends an e-mail.
 */
@Component
class RegistrationThrottle extends HourlyThrottle {

	RegistrationThrottle(Clock clock, @Value("${maillage.inscription-reunion.par-client-par-heure:10}") int perClient,
			@Value("${maillage.inscription-reunion.par-heure:300}") int overall) {
		super(clock, perClient, overall);
	}

}
