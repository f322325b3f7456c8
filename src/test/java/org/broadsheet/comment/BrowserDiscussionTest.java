package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.support.Chromium;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader in Chromium: writes a comment in the form and sees it held for them alone,
 * replies without JavaScript's help, and likes the article in place (the script updates
 * the count); an editor approves the held comment from the moderation queue.
 */
class BrowserDiscussionTest {

	@Test
	void aReaderCommentsAndLikesInARealBrowser() throws Exception {
		Chromium.assumeInstalled();
		try (RunningSite site = RunningSite.start(TestDatabases.newDataFolder(),
				"--broadsheet.comments.min-fill-time=0s")) {
			String path = TestArticles.publish(site, "Talk to us", Instant.now().minusSeconds(60));
			long id = site.bean(PublishedArticles.class)
				.published("talk", path.substring(path.lastIndexOf('/') + 1))
				.orElseThrow()
				.id();
			long earlier = site.bean(Comments.class).add(id, "Early bird", "First!", CommentStatus.APPROVED).id();
			var browser = Chromium.driver();
			try {
				browser.get(site.url(path));
				browser.findElement(By.id("comment-text")).sendKeys("A thoughtful reply.\n\nSee https://example.org");
				browser.findElement(By.id("comment-name")).sendKeys("Rosa");
				browser.findElement(By.id("comment-email")).sendKeys("rosa@example.com");
				browser.findElement(By.cssSelector("form#respond button[type=submit]")).click();
				new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("#comment-"));
				var held = browser.findElement(By.cssSelector("#comments .comment.held"));
				assertThat(held.getText()).contains("awaiting moderation", "A thoughtful reply.");
				assertThat(held.findElement(By.cssSelector("a[rel~=ugc]")).getAttribute("href"))
					.isEqualTo("https://example.org/");

				browser.findElement(By.cssSelector("#comment-" + earlier + " .reply a")).click();
				assertThat(browser.findElement(By.cssSelector("form#respond h3")).getText()).contains("Early bird");

				var like = browser.findElement(By.cssSelector("form#like button"));
				String before = browser.getCurrentUrl();
				like.click();
				new WebDriverWait(browser, Duration.ofSeconds(10))
					.until(d -> d.findElement(By.cssSelector("form#like .like-count")).getText().equals("1 like"));
				assertThat(browser.findElement(By.cssSelector("form#like button")).getAttribute("aria-pressed"))
					.isEqualTo("true");
				assertThat(browser.getCurrentUrl()).isEqualTo(before);
				// The web share button stays hidden where the browser has no share sheet.
				boolean canShare = (Boolean) ((JavascriptExecutor) browser)
					.executeScript("return typeof navigator.share === 'function';");
				assertThat(browser.findElement(By.cssSelector("button.web-share")).isDisplayed()).isEqualTo(canShare);

				Path shots = Files.createDirectories(Path.of("target/screenshots"));
				Files.write(shots.resolve("comments-and-likes.png"),
						((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

				// An editor approves the held comment from the queue; then every reader
				// sees it.
				site.bean(Accounts.class)
					.create(SystemActor.CLI, "moderator@news.test", "Mo Derator", Role.EDITOR, "moderator password");
				browser.manage().deleteAllCookies();
				Chromium.signIn(browser, site.url("/login"), "moderator@news.test", "moderator password");
				browser.findElement(By.linkText("Comments")).click();
				var row = browser.findElement(By.xpath("//td[contains(., 'A thoughtful reply.')]/.."));
				row.findElement(By.cssSelector("input[type=checkbox]")).click();
				Files.write(shots.resolve("moderation-queue.png"),
						((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
				browser.findElement(By.cssSelector("button[value=approve]")).click();
				new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("changed=1"));
				assertThat(browser.getPageSource()).doesNotContain("A thoughtful reply.");
			}
			finally {
				browser.quit();
			}
			assertThat(site.bean(Likes.class).state(id, null).count()).isEqualTo(1);
			assertThat(site.get(path).html().select("#comments .comment").eachText())
				.anyMatch(t -> t.contains("A thoughtful reply."));
		}
	}

}
