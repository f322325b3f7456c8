package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.ImageUse;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.media.Image;
import org.broadsheet.media.ImageManagement;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.support.Chromium;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.TestImages;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looking after the media library from the newsroom, over HTTP: finding images by their
 * texts, editing an image's default texts (and the reader pages that show it follow),
 * where an image is used, and deleting only what nothing uses; then the pages in Chromium
 * at phone and desktop widths.
 */
class MediaLibraryTest {

	static Path data;

	static RunningSite site;

	static NewsroomBrowser editor;

	static NewsroomBrowser author;

	@BeforeAll
	static void start() {
		data = TestDatabases.newDataFolder();
		site = RunningSite.start(data);
		var accounts = site.bean(Accounts.class);
		accounts.create(SystemActor.CLI, "editor@news.test", "Eda Editor", Role.EDITOR, "correct horse battery");
		accounts.create(SystemActor.CLI, "author@news.test", "Avi Author", Role.AUTHOR, "correct horse battery");
		editor = new NewsroomBrowser(site).signIn("editor@news.test", "correct horse battery");
		author = new NewsroomBrowser(site).signIn("author@news.test", "correct horse battery");
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	private static Image upload(int width, String alt, String caption) throws Exception {
		var response = editor.upload("/newsroom/media", "photo.jpg", TestImages.jpeg(width, 300),
				Map.of("alt", alt, "caption", caption, "credit", "Staff"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		return site.bean(MediaLibrary.class).recent(1).get(0);
	}

	@Test
	void anEditorFindsDescribesAndDeletesImagesAndPagesFollow() throws Exception {
		Image harbour = upload(701, "Cranes over the harbour", "The harbour at dawn");
		Image field = upload(703, "A wheat field", "Harvest");
		String path = site.bean(ArticleWorkflow.class)
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, "The port reopens", "Talk", List.of(AuthorProfile.named("Staff")),
							"Ships again", "Body", new ImageUse(harbour.id(), null, null, null), List.of(), null,
							ArticleStatus.PUBLISHED, Instant.parse("2026-01-05T10:00:00Z"), null, null))
			.path();
		assertThat(site.get(path).html().select("figure figcaption").text()).contains("The harbour at dawn");

		// Found by any words of its texts, in any case.
		var found = Jsoup.parse(editor.get("/newsroom/media?q=HARBOUR+cranes").body());
		assertThat(found.select(".media-grid img").eachAttr("alt")).containsExactly("Cranes over the harbour");
		assertThat(Jsoup.parse(editor.get("/newsroom/media?q=100%25").body()).select(".media-grid img")).isEmpty();

		// Where it is used, and no deleting it while it is.
		var page = Jsoup.parse(editor.get("/newsroom/media/" + harbour.id()).body());
		assertThat(page.select(".image-uses a").text()).isEqualTo("The port reopens");
		assertThat(page.select("form[action$=/delete]")).isEmpty();
		var refused = editor.post("/newsroom/media/" + harbour.id() + "/delete", Map.of());
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(Jsoup.parse(refused.body()).select("[role=alert]").text()).contains("still used in 1 place");
		assertThat(site.bean(ImageManagement.class).byId(harbour.id())).isPresent();

		// A refused edit names the field and keeps what was typed.
		var blank = editor.post("/newsroom/media/" + harbour.id(),
				Map.of("alt", " ", "caption", "Typed caption", "credit", ""));
		assertThat(blank.statusCode()).isEqualTo(400);
		var form = Jsoup.parse(blank.body());
		assertThat(form.select("#alt").attr("aria-invalid")).isEqualTo("true");
		assertThat(form.select("#alt-error").text()).isNotBlank();
		assertThat(form.select("#caption").val()).isEqualTo("Typed caption");
		// Only editors change the library.
		assertThat(author.post("/newsroom/media/" + harbour.id(), Map.of("alt", "x")).statusCode()).isEqualTo(403);
		assertThat(author.post("/newsroom/media/" + field.id() + "/delete", Map.of()).statusCode()).isEqualTo(403);

		// New default texts reach the reader's page at once (the cached page is evicted).
		var saved = editor.post("/newsroom/media/" + harbour.id(),
				Map.of("alt", "Cranes over the harbour", "caption", "The harbour at noon", "credit", "Agency"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(site.get(path).html().select("figure figcaption").text()).contains("The harbour at noon", "Agency");

		// An unused image goes, with its files and its variants.
		var fieldPage = Jsoup.parse(editor.get("/newsroom/media/" + field.id()).body());
		assertThat(fieldPage.select("form[action$=/delete]")).hasSize(1);
		assertThat(site.get(field.url()).status()).isEqualTo(200);
		assertThat(editor.post("/newsroom/media/" + field.id() + "/delete", Map.of()).statusCode()).isEqualTo(302);
		assertThat(site.bean(ImageManagement.class).byId(field.id())).isEmpty();
		assertThat(Files.exists(data.resolve("media").resolve(field.storageKey()))).isFalse();
		assertThat(site.get(field.url()).status()).isEqualTo(404);
		assertThat(editor.get("/newsroom/media/" + field.id()).statusCode()).isEqualTo(404);

		var audit = site.bean(JdbcClient.class)
			.sql("SELECT action FROM newsroom_audit WHERE subject = ? ORDER BY id")
			.param(NewsroomAudit.IMAGE)
			.query(String.class)
			.list();
		assertThat(audit).containsSubsequence("uploaded", "uploaded", "described", "deleted");
	}

	@Test
	void theLibraryPagesAtPhoneAndDesktopWidths() throws Exception {
		Chromium.assumeInstalled();
		Image image = upload(705, "A lighthouse at dusk", "The lighthouse");
		Path shots = Files.createDirectories(Path.of("target/screenshots"));
		WebDriver driver = Chromium.driver();
		try {
			Chromium.signIn(driver, site.url("/login"), "editor@news.test", "correct horse battery");
			for (int width : new int[] { 390, 1280 }) {
				driver.manage().window().setSize(new Dimension(width, 1000));
				for (var page : Map
					.of("media-library", "/newsroom/media?q=lighthouse", "media-image", "/newsroom/media/" + image.id())
					.entrySet()) {
					driver.get(site.url(page.getValue()));
					assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
					Number overflow = (Number) ((org.openqa.selenium.JavascriptExecutor) driver)
						.executeScript("return document.scrollingElement.scrollWidth - window.innerWidth");
					assertThat(overflow.intValue()).as(page.getKey() + " at " + width).isLessThanOrEqualTo(0);
					File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
					Files.copy(file.toPath(), shots.resolve(page.getKey() + "-" + width + ".png"),
							StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		finally {
			driver.quit();
		}
	}

}
