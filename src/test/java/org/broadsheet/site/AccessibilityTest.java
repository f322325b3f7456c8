package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.broadsheet.support.Chromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every reader page type and the main newsroom pages in a real browser (Debian's
 * Chromium): axe-core finds no serious or critical violation at desktop and phone widths;
 * the article has a 60–75 character measure and its body starts on the first screen at
 * 1280×900; nothing scrolls sideways on phones (360, 390, 414 px) and the masthead stays
 * compact there. Screenshots go to target/screenshots. To check a new page, add its
 * address to {@link #readerPages} or {@link #newsroomPages}.
 */
class AccessibilityTest {

	/** Desktop and phone widths (CSS pixels). */
	static final int DESKTOP = 1280;

	static final int PHONE = 390;

	static final int[] PHONES = { 360, 390, 414 };

	static ReaderFixture fixture;

	static WebDriver driver;

	static String axe;

	/** Reader pages, one of each type, by name (the screenshots' names). */
	static Map<String, String> readerPages() {
		var pages = new java.util.LinkedHashMap<String, String>();
		pages.put("home", "/");
		pages.put("home-page-2", "/?page=2");
		pages.put("section", "/opinion/");
		pages.put("tag", "/tag/russia");
		pages.put("author", "/author/alexander-gabuev");
		pages.put("article", ReaderFixture.REFERENCE);
		pages.put("article-arabic", fixture.arabic);
		pages.put("search", "/search?q=korea");
		pages.put("search-empty", "/search?q=xylophone");
		pages.put("search-form", "/search");
		pages.put("not-found", "/opinion/no-such-article");
		pages.put("gone", ReaderFixture.GONE);
		pages.put("static-page", ReaderFixture.PAGE);
		pages.put("newsletter", "/newsletter");
		return pages;
	}

	/** Newsroom pages an administrator sees, by name. */
	static Map<String, String> newsroomPages() {
		var pages = new java.util.LinkedHashMap<String, String>();
		pages.put("newsroom-articles", "/newsroom");
		pages.put("newsroom-editor-new", "/newsroom/articles/new");
		pages.put("newsroom-editor", "/newsroom/articles/" + fixture.referenceId);
		pages.put("newsroom-comments", "/newsroom/comments");
		pages.put("newsroom-media", "/newsroom/media");
		pages.put("newsroom-image", "/newsroom/media/" + fixture.imageId);
		pages.put("newsroom-people", "/newsroom/authors");
		pages.put("newsroom-users", "/newsroom/users");
		pages.put("newsroom-api-keys", "/newsroom/api-keys");
		pages.put("newsroom-webhooks", "/newsroom/webhooks");
		pages.put("newsroom-settings", "/newsroom/settings");
		pages.put("newsroom-pages", "/newsroom/pages");
		pages.put("newsroom-trash", "/newsroom/trash");
		pages.put("newsroom-account", "/newsroom/account");
		pages.put("newsroom-corrections", "/newsroom/articles/" + fixture.referenceId + "/corrections");
		pages.put("newsroom-fediverse", "/newsroom/fediverse");
		return pages;
	}

	@BeforeAll
	static void start() throws Exception {
		Chromium.assumeInstalled();
		fixture = ReaderFixture.start("--broadsheet.newsletter.enabled=true");
		driver = Chromium.driver();
		driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		try (InputStream in = AccessibilityTest.class.getClassLoader().getResourceAsStream("axe.min.js")) {
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

	@Test
	void axeFindsNoSeriousOrCriticalViolationOnReaderAndNewsroomPages() {
		List<String> violations = new ArrayList<>();
		signOut();
		for (int width : new int[] { DESKTOP, PHONE }) {
			viewport(width, 900);
			readerPages().forEach((name, path) -> violations.addAll(axe(path, width)));
			violations.addAll(axe("/login", width));
		}
		signIn();
		for (int width : new int[] { DESKTOP, PHONE }) {
			viewport(width, 900);
			newsroomPages().forEach((name, path) -> violations.addAll(axe(path, width)));
		}
		assertThat(violations).as("serious or critical axe-core violations").isEmpty();
	}

	@Test
	void theArticleHasAComfortableMeasureAndItsBodyStartsOnTheFirstScreen() throws IOException {
		viewport(DESKTOP, 900);
		open(ReaderFixture.REFERENCE);
		Number top = (Number) js("return document.querySelector('.article-body p').getBoundingClientRect().top;");
		assertThat(top.doubleValue()).as("top of the first body paragraph at 1280×900").isLessThan(900);
		Number perLine = (Number) js("""
				var p = document.querySelector('.article-body p');
				var probe = document.createElement('span');
				probe.style.whiteSpace = 'nowrap';
				probe.textContent = p.textContent;
				p.appendChild(probe);
				var width = probe.getBoundingClientRect().width;
				probe.remove();
				return p.clientWidth / (width / p.textContent.length);""");
		assertThat(perLine.doubleValue()).as("characters a line").isBetween(60.0, 75.0);
	}

	@Test
	void phonesScrollNothingSidewaysAndTheMastheadIsCompact() throws IOException {
		List<String> wide = new ArrayList<>();
		signIn();
		for (int width : PHONES) {
			viewport(width, 800);
			var pages = new java.util.LinkedHashMap<>(readerPages());
			pages.putAll(newsroomPages());
			pages.forEach((name, path) -> {
				open(path);
				Number scrollWidth = (Number) js("return document.scrollingElement.scrollWidth;");
				if (scrollWidth.intValue() > width) {
					wide.add(path + " at " + width + " px is " + scrollWidth + " px wide");
				}
			});
		}
		assertThat(wide).isEmpty();
		viewport(PHONE, 844);
		open(ReaderFixture.REFERENCE);
		Number before = (Number) js("return document.querySelector('main').getBoundingClientRect().top;");
		assertThat(before.doubleValue()).as("masthead height at 390 px").isLessThan(120);
		Number navLines = (Number) js("""
				var items = document.querySelectorAll('.sections li');
				return new Set(Array.from(items, li => Math.round(li.getBoundingClientRect().top))).size;""");
		assertThat(navLines.intValue()).as("lines of the section navigation").isEqualTo(1);
		Boolean searchContained = (Boolean) js("""
				var form = document.querySelector('.masthead-search').getBoundingClientRect();
				var button = document.querySelector('.masthead-search button').getBoundingClientRect();
				return button.right <= form.right + 0.5 && button.left >= form.left - 0.5
					&& form.right <= window.innerWidth;""");
		assertThat(searchContained).as("the search button inside its form, inside the page").isTrue();
	}

	@Test
	void screenshotsOfTheMainReaderPages() throws IOException {
		for (int width : new int[] { PHONE, DESKTOP }) {
			viewport(width, width == PHONE ? 844 : 900);
			for (String name : List.of("home", "article", "article-arabic", "tag", "author", "search", "newsletter")) {
				open(readerPages().get(name));
				var file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
				Files.copy(file.toPath(), ReaderFixture.SCREENSHOTS.resolve(name + "-" + width + ".png"),
						StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	/**
	 * @return the serious and critical violations axe-core finds on a page: rule, impact,
	 * help, the elements at fault
	 */
	@SuppressWarnings("unchecked")
	private static List<String> axe(String path, int width) {
		open(path);
		js(axe);
		var found = (List<String>) ((JavascriptExecutor) driver).executeAsyncScript("""
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
		return found.stream().map(v -> path + " at " + width + " px: " + v).toList();
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

	private static void signIn() {
		open("/login");
		if (!driver.getCurrentUrl().contains("/login")) {
			return;
		}
		driver.findElement(By.id("email")).sendKeys(ReaderFixture.ADMIN);
		driver.findElement(By.id("password")).sendKeys(ReaderFixture.PASSWORD);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().endsWith("/newsroom"));
	}

	private static void signOut() {
		driver.manage().deleteAllCookies();
	}

}
