package fr.maillage.places.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;

import fr.maillage.opendata.importing.SourceImport;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.Browser;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.Fixtures;
import fr.maillage.testing.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * "Ouvert maintenant" at fixed moments, on the 36 real Hinaura places within 15 km of
 * Villeurbanne. Expected counts come from evaluating their (plain weekly) hours by hand:
 * 14 open on Tuesday 24 November 2026 at 10:00, 10 on Saturday at 10:30, none on Sunday.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenNowFilterIT {

	@TestConfiguration
	static class FixedTime {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SourceImport sourceImport;

	@BeforeAll
	void importHinaura() {
		CleanDatabase.empty(jdbc);
		Fixtures.importHinaura(sourceImport);
	}

	private String heading(LocalDateTime parisTime) {
		clock.setParisTime(parisTime);
		String html = new ApiClient(port).get("/?q=Villeurbanne&ouvert=true").body();
		int start = html.indexOf("id=\"titre-resultats\"");
		return html.substring(html.indexOf('>', start) + 1, html.indexOf("</h2>", start));
	}

	@Test
	void keepsOnlyThePlacesOpenAtThatMoment() {
		assertThat(heading(LocalDateTime.of(2026, 11, 24, 10, 0))).startsWith("14 lieux à moins de 15\u00a0km");
		assertThat(heading(LocalDateTime.of(2026, 11, 28, 10, 30))).startsWith("10 lieux à moins de 15\u00a0km");
		assertThat(heading(LocalDateTime.of(2026, 11, 29, 10, 0))).startsWith("Aucun lieu trouvé");
	}

	@Test
	void aPersonTicksOuvertMaintenantInTheBrowser() {
		clock.setParisTime(LocalDateTime.of(2026, 11, 24, 10, 0));
		try (Browser browser = new Browser()) {
			ChromeDriver driver = browser.driver();
			driver.get("http://localhost:" + port + "/?q=Villeurbanne");
			assertThat(driver.findElement(By.id("titre-resultats")).getText()).startsWith("36 lieux");
			driver.findElement(By.xpath("//label[contains(., 'Ouvert maintenant')]/input")).click();
			driver.findElement(By.cssSelector("form.recherche button[type=submit]")).click();
			browser.waitFor(ExpectedConditions.urlContains("ouvert=true"));
			assertThat(driver.findElement(By.id("titre-resultats")).getText()).startsWith("14 lieux");
			List<WebElement> statuses = driver.findElements(By.cssSelector("ol.resultats > li .statut-ouvert"));
			assertThat(statuses).hasSize(14)
				.allSatisfy(status -> assertThat(status.getText()).startsWith("Ouvert · ferme à"));
			browser.screenshot("ouvert-maintenant");
		}
	}

}
