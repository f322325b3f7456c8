package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.broadsheet.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search box's type-ahead in a real browser (Debian's Chromium): a reader types, sees
 * titles in a listbox (WAI-ARIA 1.2 combobox), moves with the arrow keys, closes with
 * Escape and opens one with Enter; axe-core finds no serious or critical violation with
 * the list open; "did you mean" links to the corrected search. Screenshots at phone and
 * desktop widths go to target/screenshots.
 */
class SearchSuggestionsBrowserTest {

	static ReaderFixture fixture;

	static WebDriver driver;

	static String axe;

	@BeforeAll
	static void start() throws Exception {
		Chromium.assumeInstalled();
		fixture = ReaderFixture.start();
		driver = Chromium.driver();
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		try (InputStream in = SearchSuggestionsBrowserTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@AfterAll
	static void stop() {
		if (driver != null) {
			driver.quit();
		}
		if (fixture != null) {
			fixture.close();
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { AccessibilityTest.PHONE, AccessibilityTest.DESKTOP })
	void aReaderTypesSeesTitlesAndOpensOneWithTheKeyboard(int width) throws IOException {
		viewport(width, width == AccessibilityTest.PHONE ? 844 : 900);
		open("/search");
		WebElement box = driver.findElement(By.id("search-q"));
		assertThat(box.getAttribute("role")).isEqualTo("combobox");
		assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
		box.sendKeys("repo");
		List<WebElement> options = awaitOptions();
		assertThat(options).hasSizeGreaterThan(1)
			.allSatisfy(o -> assertThat(o.getText().toLowerCase()).contains("report"));
		assertThat(box.getAttribute("aria-expanded")).isEqualTo("true");
		assertThat(driver.findElement(By.cssSelector(".search-form [role=status]")).getAttribute("textContent"))
			.contains(Integer.toString(options.size()));
		screenshot("search-suggestions-" + width);
		assertThat(axeViolations()).as("axe-core with the suggestions open").isEmpty();

		box.sendKeys(Keys.ARROW_DOWN);
		box.sendKeys(Keys.ARROW_DOWN);
		assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(1).getAttribute("id"));
		assertThat(options.get(1).getAttribute("aria-selected")).isEqualTo("true");
		box.sendKeys(Keys.ARROW_UP);
		assertThat(box.getAttribute("aria-activedescendant")).isEqualTo(options.get(0).getAttribute("id"));
		box.sendKeys(Keys.ESCAPE);
		assertThat(box.getAttribute("aria-expanded")).isEqualTo("false");
		assertThat(box.getAttribute("aria-activedescendant")).isNull();

		box.sendKeys(Keys.ARROW_DOWN);
		options = awaitOptions();
		box.sendKeys(Keys.ARROW_DOWN);
		String chosen = options.get(0).getText();
		box.sendKeys(Keys.ENTER);
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/search"));
		assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(chosen);
	}

	@ParameterizedTest
	@ValueSource(ints = { AccessibilityTest.PHONE, AccessibilityTest.DESKTOP })
	void didYouMeanLinksToTheCorrectedSearch(int width) throws IOException {
		viewport(width, width == AccessibilityTest.PHONE ? 844 : 900);
		open("/search?q=reprot");
		WebElement link = driver.findElement(By.cssSelector(".did-you-mean a"));
		assertThat(link.getText()).isEqualTo("report");
		screenshot("search-did-you-mean-" + width);
		link.click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("q=report"));
		assertThat(driver.findElements(By.cssSelector(".hit-title mark"))).isNotEmpty();
	}

	private static List<WebElement> awaitOptions() {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
			var found = d.findElements(By.cssSelector("#search-q-suggestions [role=option]"));
			return found.isEmpty() || !found.get(0).isDisplayed() ? null : found;
		});
	}

	@SuppressWarnings("unchecked")
	private static List<String> axeViolations() {
		js(axe);
		return (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] }).then(function (results) {
				  done(results.violations
				    .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
				    .map(function (v) {
				      return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(function (n) {
				        return n.target.join(' ');
				      }).join(', ');
				    }));
				}).catch(function (e) { done(['axe-core failed: ' + e]); });""");
	}

	private static void screenshot(String name) throws IOException {
		var file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), ReaderFixture.SCREENSHOTS.resolve(name + ".png"),
				StandardCopyOption.REPLACE_EXISTING);
	}

	private static void open(String path) {
		driver.get(fixture.site.url(path));
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	private static Object js(String script) {
		return ((JavascriptExecutor) driver).executeScript(script);
	}

	/**
	 * The page's viewport in CSS pixels, as a phone (meta viewport honoured) below 500.
	 */
	private static void viewport(int width, int height) {
		((ChromeDriver) driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 500));
	}

}
