package org.broadsheet.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, for browser tests; they skip, saying so,
 * without it.
 */
public final class Chromium {

	private static final Path BROWSER = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	/** The sign-in form's button. */
	public static final String SIGN_IN = "form button[type=submit]";

	private Chromium() {
	}

	/** Skips the test unless chromium and chromium-driver are installed. */
	public static void assumeInstalled() {
		Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
				"Skipped: Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
	}

	/**
	 * @return a new headless browser, 1280×1600, recording the page's console (log type
	 * browser)
	 */
	public static WebDriver driver() {
		var options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,1600", "--disable-dev-shm-usage");
		var logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		options.setPageLoadTimeout(Duration.ofSeconds(30));
		var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
		return new ChromeDriver(service, options);
	}

	/**
	 * Signs in on the newsroom's sign-in form and waits for the newsroom.
	 * @param loginUrl the absolute URL of {@code /login}
	 * @throws org.openqa.selenium.TimeoutException if the newsroom does not load within
	 * 10 s: the sign-in was refused or asks for a two-factor code
	 */
	public static void signIn(WebDriver driver, String loginUrl, String email, String password) {
		fillSignIn(driver, loginUrl, email, password);
		submit(driver, SIGN_IN, "/newsroom");
	}

	/**
	 * Opens the sign-in form at {@code loginUrl} and types {@code email} and
	 * {@code password}, for a test to submit with {@link #submit} and the page it
	 * expects.
	 */
	public static void fillSignIn(WebDriver driver, String loginUrl, String email, String password) {
		driver.get(loginUrl);
		driver.findElement(By.id("email")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(password);
	}

	/**
	 * Clicks {@code button} (a CSS selector for a form's button or a link) and waits, up
	 * to 10 s each, for the page it leads to: first for the clicked page's document to
	 * go, then for a loaded page whose URL contains {@code urlContains}. Waiting for the
	 * old document first matters when its URL already contains {@code urlContains}.
	 * @throws org.openqa.selenium.TimeoutException if no such page loads in time
	 */
	public static void submit(WebDriver driver, String button, String urlContains) {
		var page = driver.findElement(By.tagName("html"));
		var element = driver.findElement(By.cssSelector(button));
		((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		element.click();
		// While the old document is being replaced, chromedriver may answer "node
		// does not belong to the document" instead of "stale": ask until it says stale.
		new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(WebDriverException.class)
			.until(ExpectedConditions.stalenessOf(page));
		waitFor(driver, urlContains);
	}

	/** Waits, up to 10 s, for a loaded page whose URL contains {@code urlContains}. */
	public static void waitFor(WebDriver driver, String urlContains) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains(urlContains)
				&& "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

}
