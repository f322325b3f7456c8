package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.support.Chromium;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The corrections and trash flows in a real browser (Debian's Chromium): an editor adds a
 * correction to a published article and a reader sees it dated at the top; the editor
 * moves the article to the trash, the reader gets the "gone" page, the editor restores
 * it. Screenshots at 390 and 1280 px go to target/screenshots.
 */
class BrowserCorrectionsTest {

	static RunningSite site;

	@BeforeAll
	static void start() throws Exception {
		Chromium.assumeInstalled();
		site = RunningSite.start(TestDatabases.newDataFolder(), "--broadsheet.site.time-zone=UTC");
		site.bean(Accounts.class)
			.create(SystemActor.CLI, "editor@news.test", "Eda Editor", Role.EDITOR, "correct horse battery");
		Files.createDirectories(BrowserWorkflowTest.SCREENSHOTS);
	}

	@AfterAll
	static void stop() {
		if (site != null) {
			site.close();
		}
	}

	static void both(WebDriver driver, String name) throws Exception {
		for (int width : List.of(390, 1280)) {
			driver.manage().window().setSize(new Dimension(width, 1100));
			BrowserWorkflowTest.screenshot(driver, name + "-" + width);
		}
	}

	@Test
	void anEditorCorrectsThenTrashesAndRestoresAnArticle() throws Exception {
		long id = site.bean(ArticleWorkflow.class)
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, "Budget day: the figures", "Politics", List.of(AuthorProfile.named("Staff")),
							"What the budget means for you.", "The deficit is 2%.\n\nMore paragraphs follow.", null,
							List.of(), null, ArticleStatus.PUBLISHED, Instant.now().minus(2, ChronoUnit.HOURS), null,
							null))
			.id();
		WebDriver driver = Chromium.driver();
		try {
			Chromium.signIn(driver, site.url("/login"), "editor@news.test", "correct horse battery");
			driver.get(site.url("/newsroom/articles/" + id));
			Chromium.submit(driver, ".corrections-actions a", "/corrections");
			new Select(driver.findElement(By.id("placement-new"))).selectByValue("top");
			driver.findElement(By.id("text-new")).sendKeys("An earlier version gave the deficit as 3%.");
			Chromium.submit(driver, "form.correction-form button[type=submit]", "?added");
			assertThat(driver.findElement(By.cssSelector("p.notice")).getText()).contains("Correction added");
			both(driver, "newsroom-corrections");

			driver.get(site.url("/politics/budget-day-the-figures"));
			var note = driver.findElement(By.cssSelector(".corrections-top .correction"));
			assertThat(note.getText()).containsIgnoringCase("correction")
				.contains("An earlier version gave the deficit as 3%.");
			both(driver, "article-correction");

			driver.get(site.url("/newsroom/articles/" + id));
			Chromium.submit(driver, ".corrections-actions button.danger", "/newsroom/trash");
			assertThat(driver.findElement(By.cssSelector(".trash-table")).getText()).contains("Budget day");
			both(driver, "newsroom-trash");

			driver.get(site.url("/politics/budget-day-the-figures"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("This article has been removed");
			both(driver, "article-gone");

			driver.get(site.url("/newsroom/trash"));
			Chromium.submit(driver, ".trash-actions button[type=submit]", "restoredFromTrash");
			assertThat(driver.findElement(By.cssSelector(".workflow-state")).getText()).contains("Draft");
		}
		finally {
			driver.quit();
		}
	}

}
