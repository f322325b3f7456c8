package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.support.Chromium;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
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
import org.openqa.selenium.support.ui.Select;

/**
 * The newsroom's pages flow in a real browser (Debian's Chromium): an editor writes the
 * About page, a field refused on the way, publishes it to the footer; a reader follows
 * the footer link from the front page. Screenshots at 390 and 1280 pixels wide go to
 * target/screenshots.
 */
class PagesBrowserTest {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static RunningSite site;

	@BeforeAll
	static void start() throws Exception {
		Chromium.assumeInstalled();
		site = RunningSite.start(TestDatabases.newDataFolder(), "--broadsheet.site.time-zone=UTC");
		site.bean(Accounts.class)
			.create(SystemActor.CLI, "editor@news.test", "Eda Editor", Role.EDITOR, "correct horse battery");
		TestArticles.publish(site, "Harbour dues rise for the first time in a decade", Instant.now().minusSeconds(60));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stop() {
		if (site != null) {
			site.close();
		}
	}

	/** The page at phone and desktop widths, whole height. */
	private static void screenshots(WebDriver driver, String name) throws Exception {
		for (int width : new int[] { 390, 1280 }) {
			driver.manage().window().setSize(new Dimension(width, 900));
			long height = (Long) ((JavascriptExecutor) driver)
				.executeScript("return Math.min(document.documentElement.scrollHeight, 4000)");
			// The window's height includes the browser's own frame: room for the whole
			// page.
			driver.manage().window().setSize(new Dimension(width, (int) Math.max(height + 200, 600)));
			File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(file.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		driver.manage().window().setSize(new Dimension(1280, 900));
	}

	@Test
	void anEditorPublishesTheAboutPageToTheFooterAndAReaderFollowsIt() throws Exception {
		WebDriver driver = Chromium.driver();
		try {
			Chromium.signIn(driver, site.url("/login"), "editor@news.test", "correct horse battery");
			driver.findElement(By.linkText("Pages")).click();
			Chromium.waitFor(driver, "/newsroom/pages");
			screenshots(driver, "newsroom-pages-empty");
			driver.findElement(By.linkText("New page")).click();
			Chromium.waitFor(driver, "/newsroom/pages/new");
			driver.findElement(By.id("title")).sendKeys("About");
			driver.findElement(By.id("description")).sendKeys("Who we are and how we work.");
			driver.findElement(By.id("body")).sendKeys("We are a small newsroom on the coast.\n\nWrite to us.");
			driver.findElement(By.id("language")).sendKeys("not a language!");
			new Select(driver.findElement(By.id("status"))).selectByValue("published");
			driver.findElement(By.id("inFooter")).click();
			Chromium.submit(driver, "form.page-form button[name=save]", "/newsroom/pages");
			assertThat(driver.findElement(By.id("language")).getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(driver.findElement(By.id("language-error")).getText()).contains("not a language tag");
			assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo("About");
			screenshots(driver, "newsroom-page-refused");
			driver.findElement(By.id("language")).clear();
			Chromium.submit(driver, "form.page-form button[name=save]", "?saved");
			assertThat(driver.findElement(By.cssSelector(".workflow-state .status")).getText()).isEqualTo("Published");
			assertThat(driver.findElement(By.id("slug")).getAttribute("value")).isEqualTo("about");
			screenshots(driver, "newsroom-page-form");
			driver.get(site.url("/newsroom/pages"));
			assertThat(driver.findElement(By.cssSelector(".pages-table tbody")).getText()).contains("About",
					"/page/about", "Published");
			screenshots(driver, "newsroom-pages");
			driver.manage().deleteAllCookies();

			driver.get(site.url("/"));
			var link = driver.findElement(By.cssSelector("footer .footer-pages a"));
			assertThat(link.getText()).isEqualTo("About");
			screenshots(driver, "front-footer-pages");
			driver.findElement(By.cssSelector("footer .footer-pages a")).click();
			Chromium.waitFor(driver, "/page/about");
			assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("About");
			assertThat(driver.findElement(By.cssSelector(".article-body")).getText())
				.contains("We are a small newsroom on the coast.");
			screenshots(driver, "page");
		}
		finally {
			driver.quit();
		}
	}

}
