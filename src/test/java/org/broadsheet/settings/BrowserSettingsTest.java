package org.broadsheet.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.imageio.ImageIO;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaLibrary;
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
 * An administrator changes the site settings in Chromium: a refused time zone is marked
 * beside its field, the saved name, logo, footer links and social profiles show on the
 * front page. Screenshots at 390 and 1280 pixels go to target/screenshots
 * ({@code settings-*}, {@code settings-front-*}).
 */
class BrowserSettingsTest {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static RunningSite site;

	static Image logo;

	@BeforeAll
	static void start() throws Exception {
		Chromium.assumeInstalled();
		Path data = TestDatabases.newDataFolder();
		site = RunningSite.start(data, "--broadsheet.site.name=Harbour Herald");
		site.bean(Accounts.class)
			.create(SystemActor.CLI, "admin@news.test", "Ada Admin", Role.ADMINISTRATOR, "correct horse battery");
		logo = site.bean(MediaLibrary.class).store(wordmark(data.resolve("logo.png")), "The Quay Courier", null, null);
		TestArticles.publish(site, "Harbour dues rise for the first time in a decade",
				Instant.now().minus(2, ChronoUnit.HOURS));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stop() {
		if (site != null) {
			site.close();
		}
	}

	/** A wordmark logo: dark serif letters on white, 720 × 120 pixels. */
	static Path wordmark(Path file) throws Exception {
		var image = new BufferedImage(720, 120, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, 720, 120);
		graphics.setColor(new Color(0x1a, 0x3a, 0x5c));
		graphics.fillRect(0, 100, 720, 6);
		graphics.setFont(new Font(Font.SERIF, Font.BOLD, 72));
		graphics.drawString("QUAY COURIER", 20, 85);
		graphics.dispose();
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	@Test
	void anAdministratorSetsTheNameLogoAndLinks() throws Exception {
		WebDriver driver = Chromium.driver();
		try {
			Chromium.signIn(driver, site.url("/login"), "admin@news.test", "correct horse battery");
			driver.findElement(By.cssSelector("a[href='/newsroom/settings']")).click();
			Chromium.waitFor(driver, "/newsroom/settings");

			driver.findElement(By.id("name")).sendKeys("The Quay Courier");
			driver.findElement(By.id("tagline")).sendKeys("Tides, trade and the town");
			new Select(driver.findElement(By.id("logo"))).selectByValue(Long.toString(logo.id()));
			driver.findElement(By.id("timeZone")).sendKeys("Europe/Atlantis");
			driver.findElement(By.id("socialProfiles"))
				.sendKeys(
						"https://www.facebook.com/quaycourier\nhttps://x.com/quaycourier\nhttps://bsky.app/profile/quay");
			driver.findElement(By.id("footerLabel-0")).sendKeys("About us");
			driver.findElement(By.id("footerUrl-0")).sendKeys("/about");
			driver.findElement(By.id("footerLabel-1")).sendKeys("Contact");
			driver.findElement(By.id("footerUrl-1")).sendKeys("https://quay.example/contact");
			Chromium.submit(driver, "form.settings-form button[type=submit]", "/newsroom/settings");
			assertThat(driver.findElement(By.id("timeZone")).getAttribute("aria-invalid")).isEqualTo("true");
			assertThat(driver.findElement(By.id("timeZone-error")).getText()).contains("Europe/Atlantis");
			screenshots(driver, "settings-refused");

			driver.findElement(By.id("timeZone")).clear();
			driver.findElement(By.id("timeZone")).sendKeys("Europe/Lisbon");
			Chromium.submit(driver, "form.settings-form button[type=submit]", "?saved");
			assertThat(driver.findElement(By.cssSelector(".notice[role=status]")).getText()).isNotBlank();
			screenshots(driver, "settings");

			driver.get(site.url("/"));
			assertThat(driver.findElement(By.cssSelector(".site-name img")).getAttribute("alt"))
				.isEqualTo("The Quay Courier");
			assertThat(driver.findElements(By.cssSelector(".footer-links a"))).hasSize(2);
			assertThat(driver.findElements(By.cssSelector(".social-links a"))).extracting(e -> e.getText())
				.containsExactly("Facebook", "X", "Bluesky");
			screenshots(driver, "settings-front");
		}
		finally {
			driver.quit();
		}
	}

	/** The page at phone and desktop widths, tall enough to hold the footer. */
	private static void screenshots(WebDriver driver, String name) throws Exception {
		for (int width : new int[] { 390, 1280 }) {
			driver.manage().window().setSize(new Dimension(width, 1000));
			long height = (Long) ((JavascriptExecutor) driver)
				.executeScript("return document.documentElement.scrollHeight");
			driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 140, 4000)));
			File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(file.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		driver.manage().window().setSize(new Dimension(1280, 1600));
	}

}
