package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.support.Chromium;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.taxonomy.Taxonomy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The subscriber pages in a real browser (Chromium): an editor imports a Mailchimp export
 * with the form (a rejected row in the report), finds a subscriber and pauses them.
 * Screenshots at 390 and 1280 px go to target/screenshots; neither width scrolls
 * sideways.
 */
class SubscribersBrowserTest {

	static final String PASSWORD = "correct horse battery";

	static RunningSite site;

	@BeforeAll
	static void start() throws Exception {
		Chromium.assumeInstalled();
		site = RunningSite.start(TestDatabases.newDataFolder());
		site.bean(Accounts.class).create(SystemActor.CLI, "eda@news.test", "Eda Editor", Role.EDITOR, PASSWORD);
		site.bean(Taxonomy.class).section("World affairs");
		Files.createDirectories(AccountsBrowserTest.SCREENSHOTS);
	}

	@AfterAll
	static void stop() {
		if (site != null) {
			site.close();
		}
	}

	@Test
	void anEditorImportsAListAndPausesASubscriber() throws Exception {
		Path csv = Files.createTempFile("subscribed_members_export_", ".csv");
		Files.writeString(csv,
				"Email Address,First Name,Last Name,OPTIN_TIME,CONFIRM_TIME,TAGS\n"
						+ "grace.hopper.with.a.rather.long.address@navy-history.example,Grace,Hopper,"
						+ "2020-01-02 03:04:05,2020-01-02 03:05:00,\n"
						+ "alan@example.org,Alan,Turing,2019-05-06 07:08:09,,\n" + "not an address,No,Body,,,\n");
		WebDriver driver = Chromium.driver();
		try {
			Chromium.signIn(driver, site.url("/login"), "eda@news.test", PASSWORD);
			driver.get(site.url("/newsroom/subscribers"));
			driver.findElement(By.id("import-file")).sendKeys(csv.toString());
			driver.findElement(By.cssSelector("form.upload button[type=submit]")).click();
			new WebDriverWait(driver, Duration.ofSeconds(20))
				.until(d -> !d.findElements(By.cssSelector(".import-report")).isEmpty());
			assertThat(driver.findElement(By.cssSelector(".report-figures")).getText()).contains("Imported: 2",
					"Rejected: 1");
			assertThat(driver.findElement(By.cssSelector(".rejected-rows tbody")).getText()).contains("4",
					"Email Address");
			AccountsBrowserTest.screenshots(driver, "newsroom-subscribers-import");
			driver.get(site.url("/newsroom/subscribers?q=grace"));
			Chromium.submit(driver, ".subscriber-results a", "/newsroom/subscribers/");
			Chromium.submit(driver, "form[action$='/pause'] button", "done=pause");
			assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).isNotBlank();
			assertThat((String) ((JavascriptExecutor) driver).executeScript("return document.title"))
				.startsWith("grace.hopper");
			AccountsBrowserTest.screenshots(driver, "newsroom-subscriber");
		}
		finally {
			driver.quit();
			Files.deleteIfExists(csv);
		}
	}

}
