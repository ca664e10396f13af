package fr.maillage.coordination.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.coordination.Actors;
import fr.maillage.coordination.CoordinationFixture;
import fr.maillage.testing.ApiClient;
import fr.maillage.testing.Browser;
import fr.maillage.testing.CleanDatabase;
import fr.maillage.testing.IntegrationTest;
import fr.maillage.testing.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Governance and charter in a real Chromium (issue 18): a coordinator of the Rhône
 * creates a comité technique and gives it members with their roles, publishes the
 * charter; a member of the Mairie de Villeurbanne signs it for her structure; the public
 * pages list the structure, never the signatory. axe finds nothing serious; pages hold at
 * 375 px.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernancePagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Actors actors;

	@Autowired
	fr.maillage.contributions.Structures structures;

	Browser coordinator;

	Browser member;

	String memberEmail;

	@BeforeAll
	void start() throws Exception {
		CleanDatabase.empty(jdbc);
		String structure = CoordinationFixture.enter(new ApiClient(port), jdbc, actors, structures);
		String email = WebSession.newAccount(port, jdbc, "Camille Rhône", "coordinateur", "departement:69");
		memberEmail = WebSession.newAccount(port, jdbc, "Noa Villeurbanne", "membre", "structure:" + structure);
		coordinator = new Browser();
		coordinator.signIn(port, email, WebSession.PASSWORD);
	}

	@AfterAll
	void stop() {
		if (coordinator != null) {
			coordinator.close();
		}
		if (member != null) {
			member.close();
		}
	}

	@Test
	void aCoordinatorComposesAComiteTechniqueAndAMemberSignsTheCharter() {
		ChromeDriver driver = coordinator.open(port, "/espace");
		driver.findElement(By.partialLinkText("Instances de gouvernance")).click();
		coordinator.waitFor(ExpectedConditions.urlContains("/espace/instances"));
		assertThat(coordinator.seriousAccessibilityViolations()).isEmpty();
		// an empty name: told next to the field, the rest kept
		new Select(driver.findElement(By.id("type"))).selectByValue("comite_technique");
		new Select(driver.findElement(By.id("departement"))).selectByValue("69");
		driver.findElement(By.cssSelector("form[action$='/espace/instances'] button")).click();
		coordinator.waitFor(ExpectedConditions.presenceOfElementLocated(By.id("nom-erreur")));
		assertThat(driver.findElement(By.id("nom-erreur")).getText()).isEqualTo("Nom de l'instance : à renseigner.");
		assertThat(new Select(driver.findElement(By.id("type"))).getFirstSelectedOption().getText())
			.isEqualTo("Comité technique");
		assertThat(coordinator.seriousAccessibilityViolations()).isEmpty();
		driver.findElement(By.id("nom")).sendKeys("Comité technique de l'inclusion numérique");
		driver.findElement(By.cssSelector("form[action$='/espace/instances'] button")).click();
		coordinator.waitFor(ExpectedConditions.urlContains("cree"));

		addMember(driver, "Mairie de Villeurbanne", "porteur");
		addMember(driver, "CCAS de Vénissieux", "financeur");
		addMember(driver, "Association Numérique Solidaire", "membre");
		String members = driver.findElement(By.cssSelector(".membres-instance table")).getText();
		assertThat(members).contains("Mairie de Villeurbanne", "CCAS de Vénissieux", "Association Numérique Solidaire");
		assertThat(new Select(driver.findElement(By.cssSelector("select[id^='role-']"))).getFirstSelectedOption()
			.getText()).isEqualTo("Porteur");
		assertThat(coordinator.seriousAccessibilityViolations()).isEmpty();
		shoot(driver, "instance");

		driver.get("http://localhost:" + port + "/espace/charte");
		driver.findElement(By.id("titre")).sendKeys("Charte de l'inclusion numérique du Rhône");
		driver.findElement(By.id("texte"))
			.sendKeys("Nous accueillons chacun sans condition.\n\nNous orientons vers le lieu qui convient.");
		driver.findElement(By.cssSelector("form[action$='/versions'] button")).click();
		coordinator.waitFor(ExpectedConditions.urlContains("publiee=1"));
		assertThat(coordinator.seriousAccessibilityViolations()).isEmpty();

		member = new Browser();
		member.signIn(port, memberEmail, WebSession.PASSWORD);
		ChromeDriver memberDriver = member.open(port, "/espace");
		memberDriver.findElement(By.partialLinkText("Signer la charte")).click();
		member.waitFor(ExpectedConditions.urlContains("/espace/ma-structure/charte"));
		assertThat(member.seriousAccessibilityViolations()).isEmpty();
		memberDriver.findElement(By.id("signataire_nom")).sendKeys("Noa Bernard");
		memberDriver.findElement(By.id("signataire_fonction")).sendKeys("Maire adjointe");
		memberDriver.findElement(By.cssSelector("form[action*='/espace/ma-structure/charte/'] button")).click();
		member.waitFor(ExpectedConditions.urlContains("signee"));
		assertThat(memberDriver.findElement(By.tagName("main")).getText()).contains("Version 1 signée le",
				"Votre structure a signé la version en vigueur.");
		assertThat(member.seriousAccessibilityViolations()).isEmpty();
		shoot(memberDriver, "ma-charte");

		ChromeDriver publicDriver = member.open(port, "/territoires/69/charte");
		String charter = publicDriver.findElement(By.tagName("main")).getText();
		assertThat(charter).contains("Nous orientons vers le lieu qui convient.", "Mairie de Villeurbanne")
			.doesNotContain("Noa Bernard");
		assertThat(member.seriousAccessibilityViolations()).isEmpty();
		shoot(publicDriver, "charte");

		publicDriver.get("http://localhost:" + port + "/territoires/69/gouvernance");
		String governance = publicDriver.findElement(By.tagName("main")).getText();
		assertThat(governance).contains("Comité technique de l'inclusion numérique", "Porteur : Mairie de Villeurbanne",
				"CCAS de Vénissieux — Financeur");
		assertThat(member.seriousAccessibilityViolations()).isEmpty();
		shoot(publicDriver, "gouvernance");

		// the coordinator sees who signed, and the count
		driver.get("http://localhost:" + port + "/espace/charte");
		assertThat(driver.findElement(By.tagName("main")).getText()).contains("Noa Bernard",
				"1 structure(s) signataire(s)");
		shoot(driver, "espace-charte");
	}

	private void addMember(ChromeDriver driver, String name, String role) {
		WebElement field = driver.findElement(By.id("nouveau_membre"));
		field.clear();
		field.sendKeys(name);
		new Select(driver.findElement(By.id("nouveau_role"))).selectByValue(role);
		driver.findElement(By.cssSelector("form[action$='/membres'] button")).click();
		coordinator
			.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".membres-instance"), name));
	}

	/** The page at 1280 and 375 px wide; nothing wider than the screen at 375. */
	private void shoot(ChromeDriver driver, String name) {
		Browser browser = driver == coordinator.driver() ? coordinator : member;
		Dimension wide = driver.manage().window().getSize();
		try {
			driver.manage().window().setSize(new Dimension(1280, 900));
			browser.screenshot("gouvernance-" + name + "-1280");
			driver.manage().window().setSize(new Dimension(375, 900));
			Object overflow = driver
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(((Number) overflow).intValue()).as(name + " at 375 px").isLessThanOrEqualTo(0);
			browser.screenshot("gouvernance-" + name + "-375");
		}
		finally {
			driver.manage().window().setSize(wide);
		}
	}

}
