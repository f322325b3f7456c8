package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.support.Chromium;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A day on the desk in a real browser (Debian's Chromium): a contributor submits a draft,
 * an editor sends it back with a note, the contributor reads the note, answers in the
 * internal notes and submits again; the editor compares the revisions, reads who did each
 * step, pins the article, flags it breaking and publishes it; a reader sees the breaking
 * banner. Screenshots of each page at 390 and 1280 pixels go to target/screenshots.
 */
class EditorialDeskBrowserTest {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static RunningSite site;

	@BeforeAll
	static void start() throws Exception {
		Chromium.assumeInstalled();
		site = RunningSite.start(TestDatabases.newDataFolder(), "--broadsheet.site.time-zone=UTC");
		var accounts = site.bean(Accounts.class);
		accounts.create(SystemActor.CLI, "cy@news.test", "Cy Contributor", Role.CONTRIBUTOR, "correct horse battery");
		accounts.create(SystemActor.CLI, "eda@news.test", "Eda Editor", Role.EDITOR, "correct horse battery");
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stop() {
		if (site != null) {
			site.close();
		}
	}

	static void signIn(WebDriver driver, String email) {
		Chromium.signIn(driver, site.url("/login"), email, "correct horse battery");
	}

	/** The page at a phone's and a desktop's width, scrolled to {@code selector}. */
	static void screenshots(WebDriver driver, String name, String selector) throws Exception {
		for (int width : new int[] { 390, 1280 }) {
			driver.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
			if (selector != null) {
				((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'start'});",
						driver.findElement(By.cssSelector(selector)));
			}
			File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(file.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		driver.manage().window().setSize(new Dimension(1280, 1600));
	}

	@Test
	void anEditorRunsTheDeskFromTheBrowser() throws Exception {
		String articleUrl;
		WebDriver cy = Chromium.driver();
		WebDriver eda = Chromium.driver();
		try {
			signIn(cy, "cy@news.test");
			cy.get(site.url("/newsroom/articles/new"));
			cy.findElement(By.id("title")).sendKeys("Cranes stop at the harbour");
			cy.findElement(By.id("section")).sendKeys("News");
			cy.findElement(By.id("authors")).sendKeys("Cy Contributor");
			cy.findElement(By.id("summary")).sendKeys("The port is quiet.");
			cy.findElement(By.id("body")).sendKeys("Nothing moves on the quay.");
			Chromium.submit(cy, "form.article-form button[name=save]", "?saved");
			Chromium.submit(cy, "form[action$='/submit'] button", "?submit");
			articleUrl = cy.getCurrentUrl().replaceAll("\\?.*", "");

			signIn(eda, "eda@news.test");
			eda.get(articleUrl);
			eda.findElement(By.id("send-back-note")).sendKeys("Who says the cranes stopped? A second source, please.");
			Chromium.submit(eda, "form.send-back button", "?send-back");
			assertThat(eda.findElement(By.cssSelector(".workflow-state .status")).getText()).isEqualTo("Draft");

			cy.get(site.url("/newsroom"));
			assertThat(cy.findElement(By.cssSelector(".sent-back-note")).getText())
				.isEqualTo("Sent back by Eda Editor: Who says the cranes stopped? A second source, please.");
			screenshots(cy, "desk-list-sent-back", null);
			cy.get(articleUrl);
			assertThat(cy.findElement(By.cssSelector(".notice.sent-back")).getText())
				.contains("Sent back by Eda Editor");
			screenshots(cy, "desk-draft-sent-back", ".workflow-state");
			cy.findElement(By.id("title")).clear();
			cy.findElement(By.id("title")).sendKeys("Cranes stop at the harbour, union says");
			cy.findElement(By.id("tags")).sendKeys("Shipping");
			Chromium.submit(cy, "form.article-form button[name=save]", "?saved");
			cy.findElement(By.id("note-text")).sendKeys("The dockers' union confirmed it at 9:00.");
			Chromium.submit(cy, "form[action$='/notes'] button", "?notes");
			Chromium.submit(cy, "form[action$='/submit'] button", "?submit");

			eda.get(articleUrl);
			assertThat(eda.findElements(By.cssSelector(".notes li .note-text")).get(1).getText())
				.isEqualTo("The dockers' union confirmed it at 9:00.");
			screenshots(eda, "desk-notes", ".notes");
			assertThat(eda.findElement(By.cssSelector(".audit li:last-child .who")).getText())
				.isEqualTo("Cy Contributor");
			screenshots(eda, "desk-history", ".audit");
			eda.findElement(By.cssSelector(".revisions a[href*=compare]")).click();
			new WebDriverWait(eda, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/compare"));
			assertThat(eda.findElements(By.cssSelector(".diff h2"))).extracting(e -> e.getText())
				.contains("Headline", "Tags");
			screenshots(eda, "desk-compare", null);

			eda.get(articleUrl);
			eda.findElement(By.id("pinned")).click();
			eda.findElement(By.id("breaking")).click();
			Chromium.submit(eda, "form[action$='/flags'] button", "?flags");
			assertThat(eda.findElement(By.id("breaking")).isSelected()).isTrue();
			screenshots(eda, "desk-flags", ".front-flags");
			Chromium.submit(eda, "form[action$='/publish'] button", "?publish");
		}
		finally {
			cy.quit();
			eda.quit();
		}

		WebDriver reader = Chromium.driver();
		try {
			reader.get(site.url("/"));
			// The label is in capitals by its style.
			assertThat(reader.findElement(By.cssSelector(".breaking-banner")).getText())
				.containsIgnoringCase("Breaking")
				.contains("Cranes stop at the harbour, union says");
			assertThat(reader.findElement(By.cssSelector(".teaser-lead .breaking-label")).getText())
				.isEqualToIgnoringCase("Breaking");
			assertThat(reader.getPageSource()).doesNotContain("dockers' union").doesNotContain("second source");
			screenshots(reader, "front-breaking", null);
		}
		finally {
			reader.quit();
		}
	}

}
