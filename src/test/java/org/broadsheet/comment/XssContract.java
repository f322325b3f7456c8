package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.support.Chromium;
import org.broadsheet.support.ReaderBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Over a hundred classic XSS payloads ({@code xss-payloads.txt}) posted over HTTP as
 * comment text, name and website, approved, and the article page opened in headless
 * Chromium: no dialog opens, the console has no error (a blocked inline script would
 * leave a CSP report there), and no element in the comments carries an event handler, a
 * script or a script URL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class XssContract {

	/**
	 * @return Spring options giving a site started by this test a new, empty database
	 */
	abstract List<String> databaseOptions();

	RunningSite start(String... options) {
		List<String> all = new ArrayList<>(databaseOptions());
		all.addAll(List.of(options));
		return RunningSite.start(TestDatabases.newDataFolder(), all.toArray(String[]::new));
	}

	static List<String> payloads() throws IOException {
		try (InputStream in = XssContract.class.getResourceAsStream("/xss-payloads.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(line -> !line.isBlank() && !line.startsWith("#"))
				.map(line -> line.replace("\\n", "\n"))
				.toList();
		}
	}

	@Test
	void noPayloadRunsInARealBrowser() throws Exception {
		Chromium.assumeInstalled();
		List<String> payloads = payloads();
		assertThat(payloads).hasSizeGreaterThanOrEqualTo(100);
		try (RunningSite site = start(DiscussionContract.OPEN[0], DiscussionContract.OPEN[1],
				DiscussionContract.OPEN[2], "--broadsheet.comments.threads-per-page=1000",
				"--broadsheet.comments.max-length=10000")) {
			String path = TestArticles.publish(site, "Hostile comments", Instant.now().minusSeconds(60));
			var reader = new ReaderBrowser(site);
			reader.open(path);
			int websitesAccepted = 0;
			for (int i = 0; i < payloads.size(); i++) {
				String payload = payloads.get(i);
				String name = payload.length() > 100 ? payload.substring(0, 100) : payload;
				var asText = reader.comment(path,
						Map.of("name", name, "email", "x" + i + "@example.com", "text", payload, "website", ""));
				assertThat(asText.statusCode())
					.as("payload %d as name and text: %s", i,
							Jsoup.parse(asText.body()).select(".form-error, .field-error").eachText())
					.isEqualTo(302);
				var asWebsite = reader.comment(path, Map.of("name", "Site " + i, "email", "w" + i + "@example.com",
						"text", "Website " + i, "website", payload));
				assertThat(asWebsite.statusCode()).as("payload %d as website", i).isIn(302, 400);
				if (asWebsite.statusCode() == 302) {
					websitesAccepted++;
				}
				else {
					// The refused form comes back with the payload in it: inert there
					// too.
					assertThat(Jsoup.parse(asWebsite.body())
						.select("#comments *")
						.stream()
						.flatMap(e -> e.attributes().asList().stream())
						.filter(a -> a.getKey().startsWith("on"))
						.toList()).as("payload %d reflected in the refused form", i).isEmpty();
				}
			}
			var jdbc = site.bean(JdbcClient.class);
			List<Long> ids = jdbc.sql("SELECT id FROM comment").query(Long.class).list();
			var editor = site.bean(Accounts.class)
				.create(SystemActor.CLI, "xss-editor@example.com", "Editor", Role.EDITOR, "xss-editor-password");
			site.bean(Moderation.class).apply(editor, Moderation.Action.APPROVE, ids);
			assertThat(ids).hasSize(payloads.size() + websitesAccepted);

			WebDriver browser = Chromium.driver();
			try {
				browser.get(site.url(path));
				// Payloads that run on an event (load, error, toggle, focus) have had
				// their turn once
				// the page has loaded and two frames and a task have passed.
				((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[arguments.length - 1];"
						+ "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)));");
				assertNoDialog(browser);
				List<String> errors = new ArrayList<>();
				for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
					if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
						errors.add(entry.getMessage());
					}
				}
				assertThat(errors).as("console errors").isEmpty();
				@SuppressWarnings("unchecked")
				List<String> dangerous = (List<String>) ((JavascriptExecutor) browser).executeScript(
						"""
								const found = [];
								for (const el of document.querySelectorAll('#comments *')) {
								  for (const attr of el.attributes) {
								    const value = attr.value.trim().toLowerCase();
								    if (attr.name.startsWith('on') || value.startsWith('javascript:') || value.startsWith('data:')
								        || value.startsWith('vbscript:')) found.push(el.tagName + ' ' + attr.name + '=' + attr.value);
								  }
								  if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'STYLE', 'LINK', 'META', 'BASE', 'IMG',
								       'VIDEO', 'AUDIO', 'TEMPLATE', 'FRAMESET', 'BODY'].includes(el.tagName.toUpperCase()))
								    found.push(el.tagName);
								}
								return found;""");
				assertThat(dangerous).as("injected elements").isEmpty();
				assertThat(browser.findElements(By.cssSelector("#comments .comment"))).hasSize(ids.size());
				Path shots = Files.createDirectories(Path.of("target/screenshots"));
				Files.write(shots.resolve("xss-comments.png"),
						((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
			}
			finally {
				browser.quit();
			}
		}
	}

	private static void assertNoDialog(WebDriver browser) {
		try {
			String text = browser.switchTo().alert().getText();
			throw new AssertionError("a dialog opened: " + text);
		}
		catch (NoAlertPresentException expected) {
			// no dialog: good
		}
	}

}
