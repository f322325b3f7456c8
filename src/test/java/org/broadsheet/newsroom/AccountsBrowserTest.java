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
import org.broadsheet.account.Totp;
import org.broadsheet.support.Chromium;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestClock;
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
 * The account pages in a real browser (Chromium): an administrator changes a role and
 * disables an account on the users page; a writer changes their password and turns
 * two-factor sign-in on, then signs in with a code. Screenshots at 390 and 1280 px go to
 * target/screenshots.
 */
class AccountsBrowserTest {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static final String PASSWORD = "correct horse battery";

	static final TestClock CLOCK = new TestClock();

	static RunningSite site;

	static String secret;

	@BeforeAll
	static void start() throws Exception {
		Chromium.assumeInstalled();
		site = RunningSite.start(TestDatabases.newDataFolder(), CLOCK);
		var accounts = site.bean(Accounts.class);
		accounts.create(SystemActor.CLI, "admin@news.test", "Ada Admin", Role.ADMINISTRATOR, PASSWORD);
		accounts.create(SystemActor.CLI, "writer@news.test", "Wren Writer", Role.CONTRIBUTOR, PASSWORD);
		accounts.create(SystemActor.CLI, "intern@news.test", "Ivo Intern", Role.CONTRIBUTOR, PASSWORD);
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stop() {
		if (site != null) {
			site.close();
		}
	}

	/** Screenshots of the page at a phone's and a desktop's width. */
	static void screenshots(WebDriver driver, String name) throws Exception {
		for (int width : new int[] { 390, 1280 }) {
			driver.manage().window().setSize(new Dimension(width, 1200));
			File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(file.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
			Long overflow = (Long) ((JavascriptExecutor) driver)
				.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
			assertThat(overflow).as(name + " at " + width + " px scrolls sideways").isLessThanOrEqualTo(0);
		}
		driver.manage().window().setSize(new Dimension(1280, 1600));
	}

	@Test
	void anAdministratorManagesAccountsAndAWriterTurnsOnTwoFactorSignIn() throws Exception {
		long intern = site.bean(Accounts.class).byEmail("intern@news.test").orElseThrow().id();
		WebDriver admin = Chromium.driver();
		try {
			Chromium.signIn(admin, site.url("/login"), "admin@news.test", PASSWORD);
			admin.get(site.url("/newsroom/users"));
			var row = "#account-" + intern;
			admin.findElement(By.cssSelector(row + " summary")).click();
			new Select(admin.findElement(By.id("role-" + intern))).selectByValue("author");
			Chromium.submit(admin, row + " form[action$='/role'] button", "done=role-changed");
			admin.findElement(By.cssSelector(row + " summary")).click();
			Chromium.submit(admin, row + " form[action$='/disable'] button", "done=disabled");
			assertThat(admin.findElement(By.cssSelector(row + " td.status")).getText()).isEqualTo("disabled");
			admin.findElement(By.cssSelector(row + " summary")).click();
			screenshots(admin, "newsroom-users");
		}
		finally {
			admin.quit();
		}

		WebDriver writer = Chromium.driver();
		try {
			Chromium.signIn(writer, site.url("/login"), "writer@news.test", PASSWORD);
			writer.get(site.url("/newsroom/account"));
			writer.findElement(By.id("current")).sendKeys(PASSWORD);
			writer.findElement(By.id("password")).sendKeys("password123");
			Chromium.submit(writer, "#password-section button", "/newsroom/account/password");
			assertThat(writer.findElement(By.id("password-error")).getText()).contains("too easy to guess");
			screenshots(writer, "newsroom-account-password-refused");
			writer.findElement(By.id("current")).sendKeys(PASSWORD);
			writer.findElement(By.id("password")).sendKeys("a phrase only I know");
			Chromium.submit(writer, "#password-section button", "done=password");

			Chromium.submit(writer, "form[action$='/two-factor/start'] button", "/newsroom/account");
			secret = writer.findElement(By.id("totp-secret")).getText();
			screenshots(writer, "newsroom-account-two-factor");
			writer.findElement(By.id("code")).sendKeys(Totp.code(secret, CLOCK.instant()));
			Chromium.submit(writer, "form[action$='/two-factor/confirm'] button", "/two-factor/confirm");
			assertThat(writer.findElements(By.cssSelector(".recovery-codes code"))).hasSize(10);
			screenshots(writer, "newsroom-account-recovery-codes");
		}
		finally {
			writer.quit();
		}

		WebDriver again = Chromium.driver();
		try {
			Chromium.fillSignIn(again, site.url("/login"), "writer@news.test", "a phrase only I know");
			Chromium.submit(again, Chromium.SIGN_IN, "/login/code");
			assertThat(again.getCurrentUrl()).endsWith("/login/code");
			screenshots(again, "login-code");
			CLOCK.advance(Duration.ofSeconds(30));
			again.findElement(By.id("code")).sendKeys(Totp.code(secret, CLOCK.instant()));
			Chromium.submit(again, "form[action='/login/code'] button", "/newsroom");
			assertThat(again.findElement(By.cssSelector(".signed-in")).getText()).contains("Wren Writer");
		}
		finally {
			again.quit();
		}
		WebDriver forgot = Chromium.driver();
		try {
			forgot.get(site.url("/login/forgot"));
			assertThat(forgot.findElement(By.cssSelector(".no-mail")).getText()).contains("user reset-password");
			screenshots(forgot, "login-forgot");
		}
		finally {
			forgot.quit();
		}
	}

}
