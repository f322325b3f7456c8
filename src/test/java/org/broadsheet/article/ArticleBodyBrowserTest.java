package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.broadsheet.author.AuthorProfile;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.support.Chromium;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.TestImages;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An article with footnotes, a click-to-load embed, a pull quote and a library image, in
 * Chromium: the page (served from the page cache) contacts no one but the site until the
 * reader asks for the video; feeds and readers without JavaScript get the plain link.
 */
class ArticleBodyBrowserTest {

	private static final String BODY = """
			Russia does not play by the rules it once wrote.[^1] Moscow now sees Pyongyang as a partner.[^2]

			> [!pullquote]
			> Moscow now sees Pyongyang as a partner.

			The visit was filmed, and the footage is on YouTube:

			https://www.youtube.com/watch?v=dQw4w9WgXcQ

			![Delegations shake hands in Pyongyang](%s "The two delegations in Pyongyang.")

			Officials on both sides called the talks a success, and a follow-up meeting is planned for the spring.

			[^1]: Alexander Gabuev, *Carnegie Politika*, 2023.
			[^2]: As the Kremlin's own readout put it.
			""";

	@Test
	void theEmbedLoadsNothingUntilTheReaderAsks() throws Exception {
		Chromium.assumeInstalled();
		try (RunningSite site = RunningSite.start(TestDatabases.newDataFolder())) {
			Path photo = Files.createTempFile("photo", ".jpg");
			Files.write(photo, TestImages.jpeg(1200, 800));
			String url = site.bean(MediaLibrary.class).store(photo, "Handshake", null, null).url();
			String path = site.bean(ArticleWorkflow.class)
				.store(TestArticles.ACTOR,
						new ArticleDraft(null, "Russia's N Korea approach", "Opinion",
								List.of(AuthorProfile.named("Alexander Gabuev")), "Russia doesn't play by the rules.",
								BODY.formatted(url), null, List.of(), null, ArticleStatus.PUBLISHED,
								Instant.now().minusSeconds(60), null, null))
				.path();

			// Without JavaScript (and in feeds): a plain link, no player, no button.
			var page = site.get(path).html();
			assertThat(page.select(".article-body figure.embed a").attr("href"))
				.isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
			assertThat(page.select(".article-body iframe, .article-body button")).isEmpty();
			assertThat(page.select(".article-body img").attr("srcset")).contains("-480.jpg 480w", "-960.jpg 960w");
			String feed = site.get("/feed/json").response().body();
			assertThat(feed).contains("https://www.youtube.com/watch?v=dQw4w9WgXcQ")
				.doesNotContain("embed-load", "<iframe");

			WebDriver browser = Chromium.driver();
			try {
				browser.get(site.url(path));
				// Again: the page cache's bytes.
				browser.get(site.url(path));
				var wait = new WebDriverWait(browser, Duration.ofSeconds(10));
				var load = wait.until(d -> d.findElement(By.cssSelector("figure.embed button.embed-load")));
				assertThat(load.getText()).isEqualTo("Load content from YouTube");
				assertThat(browser.findElement(By.cssSelector("figure.embed .embed-notice")).getText())
					.contains("YouTube");
				assertThat(browser.findElements(By.tagName("iframe"))).isEmpty();
				assertThat(requested(browser)).isNotEmpty().allMatch(u -> u.startsWith(site.url("/")));
				shoot(browser, "article-body");

				load.click();
				var frame = wait.until(d -> d.findElement(By.cssSelector("figure.embed iframe.embed-frame")));
				assertThat(frame.getAttribute("src")).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
				assertThat(frame.getAttribute("title")).isEqualTo("Content from YouTube");
				assertThat(browser.findElements(By.cssSelector("button.embed-load"))).isEmpty();

				// The footnote links go both ways.
				browser.findElement(By.cssSelector("sup.footnote-ref a[href='#fn-2']")).click();
				wait.until(d -> d.getCurrentUrl().endsWith("#fn-2"));
				browser.findElement(By.cssSelector("#fn-2 a[role=doc-backlink]")).click();
				wait.until(d -> d.getCurrentUrl().endsWith("#fnref-2"));
			}
			finally {
				browser.quit();
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> requested(WebDriver browser) {
		return (List<String>) ((JavascriptExecutor) browser)
			.executeScript("return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);");
	}

	private static void shoot(WebDriver browser, String name) throws Exception {
		Path shots = Files.createDirectories(Path.of("target/screenshots"));
		for (int width : new int[] { 390, 1280 }) {
			browser.manage().window().setSize(new Dimension(width, 2600));
			Files.write(shots.resolve(name + "-" + width + ".png"),
					((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
		}
	}

}
