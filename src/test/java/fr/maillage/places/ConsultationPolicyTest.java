package fr.maillage.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsultationPolicyTest {

	@ParameterizedTest
	@ValueSource(strings = {
			"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
			"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile Safari",
			"Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0" })
	void aPersonsBrowserCounts(String userAgent) {
		assertThat(ConsultationPolicy.countsAsConsultation(userAgent)).isTrue();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
			"Mozilla/5.0 (compatible; bingbot/2.0)", "facebookexternalhit/1.1", "curl/8.5.0", "python-requests/2.31",
			"Java-http-client/17.0.15", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0",
			"Slackbot-LinkExpanding 1.0", "UptimeRobot/2.0" })
	void robotsAndScriptsDoNotCount(String userAgent) {
		assertThat(ConsultationPolicy.countsAsConsultation(userAgent)).isFalse();
	}

}
