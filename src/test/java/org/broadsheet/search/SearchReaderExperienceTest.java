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
 * What readers meet on the search page, over HTTP: filters by slug (names redirected),
 * "did you mean", type-ahead titles and highlights in English, Arabic and Japanese.
 */
class SearchReaderExperienceTest {

	static RunningSite site;

	static ArticleWorkflow workflow;

	@BeforeAll
	static void start() {
		site = RunningSite.start(TestDatabases.newDataFolder());
		workflow = site.bean(ArticleWorkflow.class);
		save("Voters queue for the general election", "World", List.of("Climate Change", "Elections"),
				"Polling stations opened early as voters queued to choose a new parliament.", "2024-03-01T00:00:00Z");
		save("Harbour cranes arrive for the terminal", "Business", List.of("Shipping"),
				"Three cranes were unloaded at the harbour.", "2024-03-02T00:00:00Z");
		save("الانتخابات البرلمانية في المدينة", "World", List.of(), "صوت الناخبون في الانتخابات البرلمانية اليوم.",
				"2024-03-03T00:00:00Z");
		save("東京で新しい港が開業", "World", List.of(), "東京の港に新しいクレーンが到着した。", "2024-03-04T00:00:00Z");
		save("Rock & roll <em>festival</em> draws crowds", "Culture", List.of(),
				"The festival drew record crowds to the park.", "2024-03-05T00:00:00Z");
		await().atMost(Duration.ofSeconds(10)).until(() -> api("/api/search?q=").get("total").asInt() == 5);
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	@Test
	void filtersTakeSlugsAndNamesAreRedirectedToThem() {
		assertThat(api("/api/search?q=&section=world").get("total").asInt()).isEqualTo(3);
		assertThat(titles(api("/api/search?q=&tag=climate-change")))
			.containsExactly("Voters queue for the general election");
		var results = api("/api/search?q=");
		assertThat(results.get("sections").valueStream().map(v -> v.get("value").asString())).contains("world",
				"business", "culture");
		assertThat(results.get("tags").valueStream().map(v -> v.get("value").asString())).contains("climate-change");

		var page = site.get("/search?q=election&section=World&tag=" + encode("Climate Change") + "&sort=newest");
		assertThat(page.status()).isEqualTo(301);
		assertThat(page.header("Location")).endsWith("/search?q=election&section=world&tag=climate-change&sort=newest");
		var api = site.get("/api/search?q=&tag=" + encode("climate change") + "&page=2");
		assertThat(api.status()).isEqualTo(301);
		assertThat(api.header("Location")).endsWith("/api/search?tag=climate-change&page=2");

		var html = site.get("/search?q=&section=world").html();
		assertThat(html.select(".facet li.selected strong").eachText()).contains("World");
		assertThat(html.select(".facet a[href*=tag=]").eachAttr("href"))
			.contains("/search?section=world&tag=climate-change");
		assertThat(site.get("/search?q=election&section=no-such-section").status()).isEqualTo(200);
	}

	@Test
	void theReadersLanguageStaysOnEveryLinkOfTheSearchPage() {
		var moved = site.get("/search?q=election&section=World&lang=ru&page=1");
		assertThat(moved.status()).isEqualTo(301);
		assertThat(moved.header("Location")).endsWith("/search?q=election&section=world&lang=ru");

		var html = site.get("/search?q=&section=world&lang=ru").html();
		assertThat(html.selectFirst("form.search-form input[type=hidden][name=lang]").attr("value")).isEqualTo("ru");
		assertThat(html.select(".facet a[href]").eachAttr("href")).isNotEmpty()
			.allMatch(href -> href.contains("lang=ru"));
		assertThat(html.select(".sort a[href], .pagination a[href], .did-you-mean a[href]").eachAttr("href"))
			.allMatch(href -> href.contains("lang=ru"));
		assertThat(site.get("/search?q=" + encode("general electon") + "&lang=ru")
			.html()
			.selectFirst(".did-you-mean a")
			.attr("href")).isEqualTo("/search?q=general%20election&lang=ru");
		assertThat(site.get("/search?q=").html().select("input[name=lang]")).isEmpty();
	}

	@Test
	void didYouMeanOnlyWhenNothingIsFound() {
		var misspelt = api("/api/search?q=electon");
		assertThat(misspelt.get("total").asInt()).isZero();
		assertThat(misspelt.get("didYouMean").asString()).isEqualTo("election");
		var link = site.get("/search?q=" + encode("general electon")).html().selectFirst(".did-you-mean a");
		assertThat(link.text()).isEqualTo("general election");
		assertThat(link.attr("href")).isEqualTo("/search?q=general%20election");

		assertThat(api("/api/search?q=election").get("didYouMean").isNull()).isTrue();
		assertThat(site.get("/search?q=election").html().select(".did-you-mean")).isEmpty();
		// Nothing close enough, or the correction finds nothing with the filters.
		assertThat(api("/api/search?q=qzxwvq").get("didYouMean").isNull()).isTrue();
		assertThat(api("/api/search?q=electon&section=business").get("didYouMean").isNull()).isTrue();
	}

	@Test
	void typeAheadSuggestsTitlesByPrefixAndFollowsPublishing() {
		assertThat(suggestions("vot")).containsExactly("Voters queue for the general election");
		assertThat(suggestions("General ELE")).containsExactly("Voters queue for the general election");
		assertThat(suggestions("東京")).containsExactly("東京で新しい港が開業");
		assertThat(suggestions("الانتخ")).containsExactly("الانتخابات البرلمانية في المدينة");
		assertThat(suggestions("zzz")).isEmpty();
		assertThat(suggestions("  ")).isEmpty();
		// One letter would expand to much of the archive's words: nothing below two.
		assertThat(suggestions("v")).isEmpty();
		assertThat(suggestions(" v ")).isEmpty();
		assertThat(suggestions("x" + "\uD83D\uDE00".repeat(100))).isEmpty();
		assertThat(suggestions("vot" + "\uD83D\uDE00".repeat(100))).isNotNull();
		var response = site.get("/search/suggest?q=vot");
		assertThat(response.header("Content-Type")).startsWith("application/json");
		assertThat(api("/search/suggest?q=vot").get(0).get("url").asString()).startsWith("/world/");

		long id = save("Volcano erupts near the coast", "World", List.of(), "Lava reached the sea.",
				"2024-03-06T00:00:00Z");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> suggestions("vo"),
					s -> s.equals(List.of("Volcano erupts near the coast", "Voters queue for the general election")));
		workflow.unpublish(TestArticles.ACTOR, id, null);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> suggestions("vo"), s -> s.equals(List.of("Voters queue for the general election")));
	}

	@Test
	void matchesAreMarkedInTitlesAndSnippetsInEveryScript() {
		var english = site.get("/search?q=election").html();
		assertThat(english.select(".hit-title mark").eachText()).containsExactly("election");
		var arabic = site.get("/search?q=" + encode("الانتخابات")).html();
		assertThat(arabic.select(".hit-title mark").eachText()).containsExactly("الانتخابات");
		assertThat(arabic.select(".hit-snippet mark").eachText()).contains("الانتخابات");
		var japanese = site.get("/search?q=" + encode("東京")).html();
		assertThat(String.join("", japanese.select(".hit-title mark").eachText())).contains("東京");
		assertThat(japanese.selectFirst(".hit-title").text()).isEqualTo("東京で新しい港が開業");
		// Everything but the marks is escaped.
		var hit = api("/api/search?q=festival").get("hits").get(0);
		assertThat(hit.get("titleHtml").asString())
			.isEqualTo("Rock &amp; roll &lt;em&gt;<mark>festival</mark>&lt;&#x2F;em&gt; draws crowds");
		assertThat(site.get("/search?q=festival").html().selectFirst(".hit-title").text())
			.isEqualTo("Rock & roll <em>festival</em> draws crowds");
	}

	private static long save(String title, String section, List<String> tags, String body, String published) {
		return workflow
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, title, section, List.of(AuthorProfile.named("Desk Writer")), null, body,
							null, tags, null, ArticleStatus.PUBLISHED, Instant.parse(published), null, null))
			.id();
	}

	private static List<String> suggestions(String typed) {
		return api("/search/suggest?q=" + encode(typed)).valueStream().map(s -> s.get("title").asString()).toList();
	}

	private static JsonNode api(String path) {
		var response = site.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return new JsonMapper().readTree(response.response().body());
	}

	private static List<String> titles(JsonNode results) {
		return results.get("hits").valueStream().map(h -> h.get("title").asString()).toList();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
