package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Arabic-default site with English and Russian articles, over HTTP: queries are
 * analysed for the site's language and the reader's ({@code lang}), and words as written
 * match in every language.
 */
class MixedLanguageSearchTest {

	static RunningSite site;

	@BeforeAll
	static void start() {
		site = RunningSite.start(TestDatabases.newDataFolder(), "--broadsheet.site.language=ar");
		var workflow = site.bean(ArticleWorkflow.class);
		save(workflow, "Regional economies grow", "The economies of the region grew last year.", "en");
		save(workflow, "الانتخابات البلدية", "جرت الانتخابات في المدينة يوم الأحد.", null);
		save(workflow, "Новая электростанция", "Новая электростанция открылась на реке.", "ru");
		await().atMost(Duration.ofSeconds(20)).until(() -> api("/api/search?q=").get("total").asInt() == 3);
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	@Test
	void anEnglishQueryFindsTheEnglishArticleOnAnArabicSite() {
		assertThat(titles("/api/search?q=economy")).containsExactly("Regional economies grow");
		assertThat(titles("/api/search?q=economy&lang=en")).containsExactly("Regional economies grow");
		assertThat(titles("/api/search?q=" + encode("\"region grew\""))).containsExactly("Regional economies grow");
	}

	@Test
	void theSitesLanguageIsStemmedWithoutAReaderLanguage() {
		assertThat(titles("/api/search?q=" + encode("انتخاب"))).containsExactly("الانتخابات البلدية");
		assertThat(titles("/api/search?q=" + encode("انتخاب") + "&lang=en")).containsExactly("الانتخابات البلدية");
	}

	@Test
	void theReadersLanguageIsStemmedWhenGiven() {
		assertThat(titles("/api/search?q=" + encode("электростанции"))).isEmpty();
		assertThat(titles("/api/search?q=" + encode("электростанции") + "&lang=ru"))
			.containsExactly("Новая электростанция");
		var page = site.get("/search?lang=ru&q=" + encode("электростанции"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().body().text()).contains("Новая электростанция");
	}

	private static void save(ArticleWorkflow workflow, String title, String body, String language) {
		workflow.store(TestArticles.ACTOR,
				new ArticleDraft(null, title, "News", List.of(AuthorProfile.named("Desk")), null, body, null, List.of(),
						language, ArticleStatus.PUBLISHED, Instant.parse("2024-01-10T00:00:00Z"), null, null));
	}

	private static List<String> titles(String path) {
		return api(path).get("hits").valueStream().map(h -> h.get("title").asString()).toList();
	}

	private static JsonNode api(String path) {
		var response = site.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return new JsonMapper().readTree(response.response().body());
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
