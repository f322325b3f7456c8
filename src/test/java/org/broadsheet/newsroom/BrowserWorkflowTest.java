package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.author.Authors;
import org.broadsheet.support.Chromium;
import org.broadsheet.support.Corpus;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yaml.snakeyaml.Yaml;

/**
 * The reference article made entirely in a real browser (Debian's Chromium, driven by
 * Selenium): an author uploads the lead photo, writes the article and submits it; an
 * editor publishes it; a reader sees every element. Another article, scheduled seconds
 * ahead, appears on the front page by itself. Screenshots go to target/screenshots.
 */
class BrowserWorkflowTest {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static RunningSite site;

	static Map<String, Object> bundle;

	static Path seed;

	@BeforeAll
	static void start() throws Exception {
		Chromium.assumeInstalled();
		seed = Corpus.require("seed");
		bundle = new Yaml()
			.load(Files.readString(seed.resolve("russias-n-korea-approach.md")).split("(?m)^---$", 3)[1]);
		site = RunningSite.start(TestDatabases.newDataFolder(), "--broadsheet.site.time-zone=UTC");
		var accounts = site.bean(Accounts.class);
		accounts.create(SystemActor.CLI, "author@news.test", "Alexander Gabuev", Role.AUTHOR, "correct horse battery");
		accounts.create(SystemActor.CLI, "editor@news.test", "Eda Editor", Role.EDITOR, "correct horse battery");
		@SuppressWarnings("unchecked")
		var author = ((List<Map<String, String>>) bundle.get("authors")).get(0);
		site.bean(Authors.class).save(new AuthorProfile(author.get("name"), null, null, author.get("bio")));
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

	static void screenshot(WebDriver driver, String name) throws Exception {
		File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	@Test
	@SuppressWarnings("unchecked")
	void anAuthorWritesTheReferenceArticleAnEditorPublishesItAReaderReadsIt() throws Exception {
		var image = (Map<String, String>) bundle.get("image");
		var syndication = (Map<String, String>) bundle.get("syndication");
		String body = Files.readString(seed.resolve("russias-n-korea-approach.md")).split("(?m)^---$", 3)[2].strip();
		String articleUrl;
		WebDriver author = Chromium.driver();
		try {
			signIn(author, "author@news.test");
			author.get(site.url("/newsroom/media"));
			author.findElement(By.id("file")).sendKeys(seed.resolve(image.get("file")).toRealPath().toString());
			author.findElement(By.id("alt")).sendKeys(image.get("alt"));
			author.findElement(By.id("caption")).sendKeys(image.get("caption"));
			author.findElement(By.id("credit")).sendKeys(image.get("credit"));
			Chromium.submit(author, "form.upload button[type=submit]", "/newsroom/media?uploaded");

			author.get(site.url("/newsroom/articles/new"));
			author.findElement(By.id("title")).sendKeys((String) bundle.get("title"));
			author.findElement(By.id("section")).sendKeys((String) bundle.get("section"));
			author.findElement(By.id("authors")).sendKeys("Alexander Gabuev");
			author.findElement(By.id("summary")).sendKeys((String) bundle.get("summary"));
			// Typing 6,000 characters key by key is slow; set the value as a paste would.
			((JavascriptExecutor) author).executeScript("arguments[0].value = arguments[1];",
					author.findElement(By.id("body")), body);
			author.findElement(By.id("tags")).sendKeys(String.join(", ", (List<String>) bundle.get("tags")));
			new Select(author.findElement(By.id("leadImage"))).selectByIndex(1);
			author.findElement(By.id("syndicationPublication")).sendKeys(syndication.get("publication"));
			author.findElement(By.id("syndicationNote")).sendKeys(syndication.get("note"));
			Chromium.submit(author, "form.article-form button[name=save]", "?saved");
			screenshot(author, "editor-article-form");
			Chromium.submit(author, "form[action$='/submit'] button", "?submit");
			assertThat(author.findElement(By.cssSelector(".workflow-state .status")).getText()).isEqualTo("In review");
			articleUrl = author.getCurrentUrl().replaceAll("\\?.*", "");
		}
		finally {
			author.quit();
		}

		WebDriver editor = Chromium.driver();
		try {
			signIn(editor, "editor@news.test");
			editor.get(articleUrl);
			Chromium.submit(editor, "form[action$='/publish'] button", "?publish");
			assertThat(editor.findElement(By.cssSelector(".workflow-state .status")).getText()).isEqualTo("Published");
			screenshot(editor, "editor-published");
		}
		finally {
			editor.quit();
		}

		WebDriver reader = Chromium.driver();
		try {
			reader.get(site.url("/opinion/russias-n-korea-approach"));
			assertThat(reader.findElement(By.cssSelector("h1.headline")).getText()).isEqualTo(bundle.get("title"));
			assertThat(reader.findElement(By.cssSelector(".byline .authors")).getText()).isEqualTo("Alexander Gabuev");
			assertThat(reader.findElement(By.cssSelector(".byline .comment-count")).getText()).isEqualTo("No Comments");
			assertThat(reader.findElement(By.cssSelector("figure.lead-image .caption")).getText())
				.isEqualTo(image.get("caption"));
			assertThat(reader.findElement(By.cssSelector("figure.lead-image .credit")).getText())
				.isEqualToIgnoringCase(image.get("credit"));
			assertThat(reader.findElement(By.cssSelector("figure.lead-image img")).getAttribute("alt"))
				.isEqualTo(image.get("alt"));
			assertThat(reader.findElement(By.cssSelector("p.standfirst")).getText()).isEqualTo(bundle.get("summary"));
			assertThat(reader.findElements(By.cssSelector(".article-body > p")))
				.hasSize(body.split("\\n\\s*\\n").length);
			assertThat(reader.findElement(By.cssSelector(".author-bio .bio")).getText())
				.startsWith("Alexander Gabuev is senior fellow");
			assertThat(reader.findElement(By.cssSelector(".syndication-note")).getText())
				.isEqualTo(syndication.get("note"));
			assertThat(reader.findElement(By.cssSelector(".share-like h2")).getText())
				.isEqualToIgnoringCase("Share and Like this post");
			assertThat(reader.findElements(By.cssSelector(".share-like .share-links a"))).hasSize(6);
			Boolean imageLoaded = (Boolean) ((JavascriptExecutor) reader).executeScript(
					"const i = document.querySelector('figure.lead-image img'); return i.complete && i.naturalWidth > 0;");
			assertThat(imageLoaded).isTrue();
			screenshot(reader, "reader-article");
		}
		finally {
			reader.quit();
		}
	}

	@Test
	void aScheduledArticleAppearsOnTheFrontPageByItself() throws Exception {
		LocalDateTime goLive;
		WebDriver author = Chromium.driver();
		try {
			signIn(author, "author@news.test");
			author.get(site.url("/newsroom/articles/new"));
			author.findElement(By.id("title")).sendKeys("Scheduled in the browser");
			author.findElement(By.id("section")).sendKeys("News");
			author.findElement(By.id("authors")).sendKeys("Alexander Gabuev");
			author.findElement(By.id("body")).sendKeys("This goes **live** by itself.");
			new WebDriverWait(author, Duration.ofSeconds(10))
				.until(d -> !d.findElements(By.cssSelector("#live-preview strong")).isEmpty());
			assertThat(author.findElement(By.id("word-count")).getText()).isEqualTo("5 words · 1 min read");
			Chromium.submit(author, "form.article-form button[name=save]", "?saved");
			goLive = LocalDateTime.now(ZoneOffset.UTC).plusSeconds(15).withNano(0);
			String at = goLive.toString();
			((JavascriptExecutor) author).executeScript("arguments[0].value = arguments[1];",
					author.findElement(By.id("go-live")), at);
			Chromium.submit(author, "form[action$='/schedule'] button", "?schedule");
			assertThat(author.findElement(By.cssSelector(".workflow-state .status")).getText()).isEqualTo("Scheduled");
		}
		finally {
			author.quit();
		}
		WebDriver reader = Chromium.driver();
		try {
			var asked = LocalDateTime.now(ZoneOffset.UTC);
			reader.get(site.url("/"));
			if (asked.isBefore(goLive)) {
				assertThat(reader.getPageSource()).doesNotContain("Scheduled in the browser");
			}
			// Nobody else visits while the instant passes: the page cached before it must
			// not stay.
			new WebDriverWait(reader, Duration.between(LocalDateTime.now(ZoneOffset.UTC), goLive).plusSeconds(10))
				.until(d -> {
					d.navigate().refresh();
					return d.getPageSource().contains("Scheduled in the browser");
				});
			screenshot(reader, "reader-front-page");
		}
		finally {
			reader.quit();
		}
	}

}
