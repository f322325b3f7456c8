package org.broadsheet.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by Selenium, for browser tests; they skip, saying so,
 * without it.
 */
public final class Chromium {

	private static final Path BROWSER = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

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

}
