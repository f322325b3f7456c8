package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Search and related articles on the running application, over HTTP. */
class SearchEndToEndTest {

	static Path data;

	static RunningSite site;

	static ArticleWorkflow workflow;

	@BeforeAll
	static void start() {
		data = TestDatabases.newDataFolder();
		site = RunningSite.start(data);
		workflow = site.bean(ArticleWorkflow.class);
		save("Harbour cranes arrive for the new container terminal", "Business", List.of("Shipping", "Ports"),
				"Three giant cranes were unloaded at the harbour for the container terminal. Dock workers and the port authority expect shipping volumes to rise.",
				"Port Writer", "2024-01-10T00:00:00Z", ArticleStatus.PUBLISHED);
		save("Container shipping rates fall at the harbour", "Business", List.of("Shipping"),
				"Container shipping rates fell as new cranes at the harbour terminal cut waiting times for ships in the port.",
				"Port Writer", "2024-01-12T00:00:00Z", ArticleStatus.PUBLISHED);
		save("Port authority approves a second terminal", "News", List.of("Ports"),
				"The port authority approved a second container terminal for the harbour after shipping volumes grew.",
				"Other Writer", "2024-01-14T00:00:00Z", ArticleStatus.PUBLISHED);
		save("Choir wins the regional singing contest", "Culture", List.of("Music"),
				"The school choir sang three songs and won the regional contest for the second year.", "Arts Writer",
				"2024-01-11T00:00:00Z", ArticleStatus.PUBLISHED);
		save("Orchestra announces a summer concert season", "Culture", List.of("Music"),
				"The city orchestra will play twelve concerts this summer, with the choir joining for the final concert.",
				"Arts Writer", "2024-01-13T00:00:00Z", ArticleStatus.PUBLISHED);
		save("Draft about harbour cranes and container shipping", "Business", List.of("Shipping", "Ports"),
				"Harbour cranes, container terminal, shipping, port authority: a draft that must never appear.",
				"Port Writer", null, ArticleStatus.DRAFT);
		save("Москва и гавань", "News", List.of("Россия"), "Новые краны прибыли в порт Владивостока.", "Иван Петров",
				"2024-01-15T00:00:00Z", ArticleStatus.PUBLISHED);
		save("កម្ពុជា ផែ", "News", List.of(), "កំពង់ផែ ក្រុងព្រះសីហនុ ទទួលបាន ស្ទូច ថ្មី", "Sok Dara",
				"2024-01-16T00:00:00Z", ArticleStatus.PUBLISHED);
		save("北京港口新闻", "News", List.of(), "天津港口今天迎来了新的集装箱起重机。", "Li Wei", "2024-01-17T00:00:00Z",
				ArticleStatus.PUBLISHED);
		awaitTotal("/api/search?q=", 8);
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	@Test
	void findsByTitleSummaryAndBodyWithHighlights() {
		JsonNode results = api("/api/search?q=cranes");
		assertThat(titles(results))
			.contains("Harbour cranes arrive for the new container terminal",
					"Container shipping rates fall at the harbour")
			.doesNotContain("Draft about harbour cranes and container shipping");
		assertThat(results.get("hits").get(0).get("title").asString())
			.isEqualTo("Harbour cranes arrive for the new container terminal");
		var page = site.get("/search?q=" + encode("\"container terminal\""));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select(".hit-snippet mark").eachText()).isNotEmpty()
			.allSatisfy(m -> assertThat(m.toLowerCase()).containsAnyOf("container", "terminal"));
	}

	@Test
	void filtersAndFacetCounts() {
		JsonNode all = api("/api/search?q=");
		assertThat(all.get("total").asInt()).isEqualTo(8);
		assertThat(facet(all, "sections", "Business")).isEqualTo(2);
		assertThat(facet(all, "tags", "Music")).isEqualTo(2);
		assertThat(facet(all, "years", "2024")).isEqualTo(8);
		JsonNode music = api("/api/search?q=&tag=music&sort=newest");
		assertThat(titles(music)).containsExactly("Orchestra announces a summer concert season",
				"Choir wins the regional singing contest");
		JsonNode byAuthor = api("/api/search?q=shipping&author=" + encode("Other Writer"));
		assertThat(titles(byAuthor)).containsExactly("Port authority approves a second terminal");
		assertThat(api("/api/search?q=choir&year=2023").get("total").asInt()).isZero();
		var html = site.get("/search?q=music&tag=music").html();
		assertThat(html.select(".facet li.selected strong").eachText()).contains("Music");
	}

	@Test
	void findsNonEnglishWords() {
		assertThat(titles(api("/api/search?q=" + encode("краны")))).containsExactly("Москва и гавань");
		assertThat(titles(api("/api/search?q=" + encode("ស្ទូច")))).containsExactly("កម្ពុជា ផែ");
		assertThat(titles(api("/api/search?q=" + encode("港口")))).containsExactly("北京港口新闻");
		assertThat(titles(api("/api/search?q=" + encode("起重机")))).containsExactly("北京港口新闻");
	}

	@Test
	void relatedArticlesAreTheExpectedNeighboursAndNeverSelfOrDrafts() {
		var page = site.get(path("Harbour cranes arrive for the new container terminal")).html();
		List<String> related = page.select("aside.related .teaser-title a").eachText();
		assertThat(related).hasSizeBetween(2, 4)
			.startsWith("Container shipping rates fall at the harbour")
			.contains("Port authority approves a second terminal")
			.doesNotContain("Harbour cranes arrive for the new container terminal",
					"Draft about harbour cranes and container shipping");
		assertThat(related.indexOf("Port authority approves a second terminal"))
			.isLessThan(related.contains("Choir wins the regional singing contest")
					? related.indexOf("Choir wins the regional singing contest") : 4);

		var choir = site.get(path("Choir wins the regional singing contest")).html();
		assertThat(choir.select("aside.related .teaser-title a").eachText()).first()
			.isEqualTo("Orchestra announces a summer concert season");
	}

	@Test
	void staysInSyncWithPublishingEditingUnpublishingAndARebuild() {
		long id = save("Lighthouse keeper retires", "News", List.of(),
				"After forty years the lighthouse keeper retired.", "Coast Writer", "2024-02-01T00:00:00Z",
				ArticleStatus.PUBLISHED);
		assertThat(titles(awaitTotal("/api/search?q=lighthouse", 1))).containsExactly("Lighthouse keeper retires");

		TestArticles.republish(workflow, id,
				draft("Beacon keeper retires", "News", List.of(), "After forty years the beacon keeper retired.",
						"Coast Writer", "2024-02-01T00:00:00Z", ArticleStatus.PUBLISHED, "lighthouse-keeper-retires"));
		assertThat(titles(awaitTotal("/api/search?q=beacon", 1))).containsExactly("Beacon keeper retires");
		assertThat(api("/api/search?q=lighthouse").get("total").asInt()).isZero();

		workflow.unpublish(TestArticles.ACTOR, id, null);
		assertThat(awaitTotal("/api/search?q=beacon", 0).get("total").asInt()).isZero();
		TestArticles.republish(workflow, id,
				draft("Beacon keeper retires", "News", List.of(), "After forty years the beacon keeper retired.",
						"Coast Writer", "2024-02-01T00:00:00Z", ArticleStatus.PUBLISHED, "lighthouse-keeper-retires"));
		assertThat(awaitTotal("/api/search?q=beacon", 1).get("total").asInt()).isEqualTo(1);

		// The index is derived: delete it, restart, and everything is found again.
		site.close();
		FileSystemUtils.deleteRecursively(data.resolve("index").toFile());
		site = RunningSite.start(data);
		workflow = site.bean(ArticleWorkflow.class);
		assertThat(titles(api("/api/search?q=beacon"))).containsExactly("Beacon keeper retires");
		assertThat(titles(api("/api/search?q=cranes")))
			.contains("Harbour cranes arrive for the new container terminal");

		workflow.delete(TestArticles.ACTOR, id);
		assertThat(awaitTotal("/api/search?q=beacon", 0).get("total").asInt()).isZero();
	}

	static Stream<String> hostileQueries() {
		return Stream.of("", " ", "\"", "\"\"", "\"unbalanced phrase", "(", ")", "((harbour", "harbour)", ":", "title:",
				"title:harbour", "*", "**", "?", "harbour?", "\\", "\\\\", "harbour\\", "-", "--", "+", "+-+-", "|",
				"&&", "||", "NOT", "AND OR NOT", "~", "harbour~", "harbour~2", "\"harbour cranes\"~3", "[", "]", "{",
				"}", "[a TO z]", "{* TO *}", "/regex/", "/", "%", "%25", "'; DROP TABLE article; --",
				"<script>alert(1)</script>", "a".repeat(5000), "harbour ".repeat(400), "h* ".repeat(300), "a*",
				"\uFFFF", "🎉", "ü", "Ⅻ", "the", "the and of", "ការ", "中", "\t\n", "^", "harbour^", "harbour^0.5", "!",
				"@", "#", "$", "=", ",", "...");
	}

	/**
	 * Any query but one with NUL, which PostgreSQL cannot hold: 400 naming {@code q}
	 * (site.HostileRequestsContract).
	 */
	@ParameterizedTest
	@MethodSource("hostileQueries")
	void anyQueryAnswers200(String query) {
		String encoded = encode(query);
		var page = site.get("/search?q=" + encoded);
		assertThat(page.status()).as(query).isEqualTo(200);
		assertThat(page.html().selectFirst("h1").text()).isEqualTo("Search");
		assertThat(site.get("/api/search?q=" + encoded).status()).as(query).isEqualTo(200);
		assertThat(page.html().select("script")).noneMatch(s -> s.data().contains("alert"));
	}

	@Test
	void junkParametersAreIgnored() {
		for (String params : List.of("page=abc", "page=-1", "page=99999999999", "year=abc", "sort=sideways",
				"section=Nope")) {
			assertThat(site.get("/search?q=harbour&" + params).status()).as(params).isEqualTo(200);
		}
		assertThat(site.get("/search?q=harbour&page=100").status()).as("past the last page").isEqualTo(404);
	}

	private static long save(String title, String section, List<String> tags, String body, String author,
			String published, ArticleStatus status) {
		return workflow.store(TestArticles.ACTOR, draft(title, section, tags, body, author, published, status, null))
			.id();
	}

	private static ArticleDraft draft(String title, String section, List<String> tags, String body, String author,
			String published, ArticleStatus status, String slug) {
		return new ArticleDraft(slug, title, section, List.of(AuthorProfile.named(author)), null, body, null, tags,
				null, status, published == null ? null : Instant.parse(published), null, null);
	}

	private static String path(String title) {
		return api("/api/search?q=" + encode("\"" + title + "\"")).get("hits").get(0).get("path").asString();
	}

	/** The search index follows commits on its own thread: wait for it. */
	private static JsonNode awaitTotal(String path, int total) {
		return await().atMost(Duration.ofSeconds(10))
			.until(() -> api(path), results -> results.get("total").asInt() == total);
	}

	private static JsonNode api(String path) {
		var response = site.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return new JsonMapper().readTree(response.response().body());
	}

	private static List<String> titles(JsonNode results) {
		return results.get("hits").valueStream().map(h -> h.get("title").asString()).toList();
	}

	private static int facet(JsonNode results, String dimension, String label) {
		return results.get(dimension)
			.valueStream()
			.filter(v -> v.get("label").asString().equals(label))
			.map(v -> v.get("count").asInt())
			.findFirst()
			.orElse(0);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
