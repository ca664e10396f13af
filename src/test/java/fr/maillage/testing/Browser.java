package fr.maillage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver (installed by scripts/verify),
 * with a fresh profile, and axe-core (vendored from npm) for accessibility checks.
 */
public final class Browser implements AutoCloseable {

	private static final String AXE = new String(Fixtures.bytes("vendor/axe-core/axe.min.js"), StandardCharsets.UTF_8);

	private final ChromeDriver driver;

	private final Path profile;

	public Browser() {
		try {
			this.profile = Files.createTempDirectory("maillage-chromium-");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,1000", "--lang=fr-FR", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
	}

	public ChromeDriver driver() {
		return driver;
	}

	/** Opens a page of the application under test. */
	/** Signs in from the sign-in page, as a person types it; waits for their space. */
	public void signIn(int port, String email, String password) {
		ChromeDriver driver = open(port, "/connexion");
		driver.findElement(org.openqa.selenium.By.id("courriel")).sendKeys(email);
		driver.findElement(org.openqa.selenium.By.id("mot_de_passe")).sendKeys(password);
		driver.findElement(org.openqa.selenium.By.cssSelector("main form button[type=submit]")).click();
		waitFor(org.openqa.selenium.support.ui.ExpectedConditions.urlMatches("/espace$"));
	}

	public ChromeDriver open(int port, String path) {
		driver.get("http://localhost:" + port + path);
		return driver;
	}

	/** Waits (10 s at most) for what a navigation or a script brings. */
	public void waitFor(ExpectedCondition<?> condition) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
	}

	/**
	 * axe-core violations of impact "serious" or "critical" on the current page, as "id:
	 * description".
	 */
	@SuppressWarnings("unchecked")
	public List<String> seriousAccessibilityViolations() {
		JavascriptExecutor js = driver;
		js.executeScript(AXE);
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		Object result = js.executeAsyncScript(
				"const done = arguments[arguments.length - 1]; axe.run(document).then(r => done(r.violations));");
		List<String> serious = new ArrayList<>();
		for (Map<String, Object> violation : (List<Map<String, Object>>) result) {
			String impact = String.valueOf(violation.get("impact"));
			if (impact.equals("serious") || impact.equals("critical")) {
				serious.add(violation.get("id") + ": " + violation.get("help") + " " + violation.get("nodes"));
			}
		}
		return serious;
	}

	public void screenshot(String name) {
		try {
			Path directory = Path.of("target", "screenshots");
			Files.createDirectories(directory);
			Files.write(directory.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Override
	public void close() {
		driver.quit();
	}

}
