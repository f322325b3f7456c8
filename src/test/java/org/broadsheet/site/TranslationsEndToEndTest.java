package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleTranslations;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.SavedArticle;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.support.Chromium;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The interface in the site's language and linked translations, over real HTTP: a French
 * site shows French labels in its reader pages and newsroom; an editor links articles as
 * translations in the newsroom; each page then carries hreflang alternates (x-default:
 * the version in the site's language) and a language switcher naming each language in
 * itself; the Content API lists the translations; unlinking evicts the cached pages. An
 * Arabic site is right-to-left with Arabic labels. Screenshots go to target/screenshots.
 */
class TranslationsEndToEndTest {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static final String PASSWORD = "correct horse battery";

	@Test
	void aFrenchSiteLinksTranslationsAndShowsThemAsAlternates() throws Exception {
		try (var site = RunningSite.start(TestDatabases.newDataFolder(), "--broadsheet.site.language=fr")) {
			site.bean(Accounts.class)
				.create(SystemActor.CLI, "editor@news.test", "Élise Éditrice", Role.EDITOR, PASSWORD);
			var fr = store(site, "Les grues du port à l’arrêt", null);
			var en = store(site, "Harbour cranes stand idle", "en");
			var ar = store(site, "رافعات الميناء متوقفة", "ar");

			var newsroom = new NewsroomBrowser(site).signIn("editor@news.test", PASSWORD);
			String editor = newsroom.get("/newsroom/articles/" + fr.id()).body();
			assertThat(editor).contains("Traductions", "Aucune traduction liée pour l’instant.",
					"Article à lier comme traduction");
			var refused = newsroom.post("/newsroom/articles/" + fr.id() + "/translations", Map.of("translation", "x"));
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.body()).contains("id=\"translation-error\">obligatoire");
			var linked = newsroom.post("/newsroom/articles/" + fr.id() + "/translations",
					Map.of("translation", Long.toString(en.id())));
			assertThat(linked.statusCode()).isEqualTo(302);
			site.bean(ArticleTranslations.class).link(TestArticles.ACTOR, ar.id(), en.id());

			// Reader pages: French chrome, alternates for every version, a switcher.
			Document page = site.get(fr.path()).html();
			assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
			assertThat(page.selectFirst("a.skip").text()).isEqualTo("Aller au contenu");
			assertThat(page.select("link[rel=alternate][hreflang]"))
				.extracting(link -> link.attr("hreflang") + " " + link.attr("href"))
				.containsExactly("ar " + site.url(ar.path()), "en " + site.url(en.path()), "fr " + site.url(fr.path()),
						"x-default " + site.url(fr.path()));
			var switcher = page.selectFirst("nav.language-switcher");
			assertThat(switcher.attr("aria-label")).isEqualTo("Cet article dans d’autres langues");
			assertThat(switcher.selectFirst(".label").text()).isEqualTo("Lire en :");
			assertThat(switcher.select("a"))
				.extracting(a -> a.attr("hreflang") + " " + a.attr("lang") + " " + a.attr("dir") + " " + a.text() + " "
						+ a.attr("href"))
				.containsExactly("ar ar rtl العربية " + site.url(ar.path()),
						"en en ltr English " + site.url(en.path()));
			assertThat(switcher.selectFirst("[aria-current=page]").text()).isEqualTo("Français");

			Document english = site.get(en.path()).html();
			assertThat(english.selectFirst("article").attr("lang")).isEqualTo("en");
			assertThat(english.selectFirst("nav.language-switcher [aria-current=page]").text()).isEqualTo("English");
			assertThat(english.select("link[rel=alternate][hreflang=x-default]").attr("href"))
				.isEqualTo(site.url(fr.path()));

			// The Content API names the published translations.
			JsonNode json = new ObjectMapper()
				.readTree(site.get("/api/content/v1/articles/" + en.id()).response().body());
			assertThat(json.get("translations").findValuesAsText("language")).containsExactly("ar", "fr");
			assertThat(json.get("translations").findValuesAsText("url")).containsExactly(site.url(ar.path()),
					site.url(fr.path()));

			screenshots(site, "/newsroom/articles/" + fr.id(), "translations-newsroom-fr", true);

			// Unlinking evicts the cached pages of every article that was in the group.
			var unlinked = newsroom.post("/newsroom/articles/" + fr.id() + "/translations/" + fr.id() + "/unlink",
					Map.of());
			assertThat(unlinked.statusCode()).isEqualTo(302);
			assertThat(site.get(fr.path()).html().select("link[hreflang], nav.language-switcher")).isEmpty();
			assertThat(site.get(en.path()).html().select("link[rel=alternate][hreflang]"))
				.extracting(link -> link.attr("hreflang"))
				.containsExactly("ar", "en");
		}
	}

	@Test
	void anArabicSiteIsRightToLeftWithArabicLabels() throws Exception {
		try (var site = RunningSite.start(TestDatabases.newDataFolder(), "--broadsheet.site.language=ar")) {
			var ar = store(site, "رافعات الميناء متوقفة", null);
			var en = store(site, "Harbour cranes stand idle", "en");
			site.bean(ArticleTranslations.class).link(TestArticles.ACTOR, ar.id(), en.id());

			Document page = site.get(ar.path()).html();
			assertThat(page.selectFirst("html").attr("dir")).isEqualTo("rtl");
			assertThat(page.selectFirst("a.skip").text()).isEqualTo("انتقل إلى المحتوى");
			assertThat(page.selectFirst("a.comment-count").text()).isEqualTo("لا تعليقات");
			assertThat(page.selectFirst("nav.language-switcher a").text()).isEqualTo("English");
			assertThat(page.select("link[rel=alternate][hreflang=x-default]").attr("href"))
				.isEqualTo(site.url(ar.path()));
			screenshots(site, ar.path(), "translations-article-ar", false);
		}
	}

	private static SavedArticle store(RunningSite site, String title, String language) {
		return site.bean(ArticleWorkflow.class)
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, title, "Port", List.of(AuthorProfile.named("Staff")), "Standfirst: " + title,
							"First paragraph of " + title + ".\n\nSecond paragraph.", null, List.of(), language,
							ArticleStatus.PUBLISHED, Instant.now().minusSeconds(600), null, null));
	}

	/** The page at phone and desktop widths, signed in to the newsroom when asked. */
	private static void screenshots(RunningSite site, String path, String name, boolean signIn) throws Exception {
		if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
			return;
		}
		Files.createDirectories(SCREENSHOTS);
		WebDriver driver = Chromium.driver();
		try {
			if (signIn) {
				Chromium.signIn(driver, site.url("/login"), "editor@news.test", PASSWORD);
			}
			for (int width : new int[] { 390, 1280 }) {
				driver.manage().window().setSize(new Dimension(width, 1400));
				driver.get(site.url(path));
				new WebDriverWait(driver, Duration.ofSeconds(20)).until(
						d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
				File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
				Files.copy(file.toPath(), SCREENSHOTS.resolve(name + "-" + width + ".png"),
						StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			driver.quit();
		}
	}

}
