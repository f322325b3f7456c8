package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import javax.imageio.ImageIO;

import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.ImageUse;
import org.broadsheet.article.Syndication;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.author.Authors;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Comments;
import org.broadsheet.comment.Likes;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Content API over real HTTP: every member of an article, filters, cursor pages,
 * field selection, conditional GETs, that nothing but public articles ever shows, and
 * problem details. Subclasses give the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContentApiContract {

	private static final String API = "/api/content/v1";

	private static final Instant HOUR_AGO = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

	private final JsonMapper json = new JsonMapper();

	RunningSite site;

	private long fullId;

	private long draftId;

	private long scheduledId;

	private long unpublishedId;

	/**
	 * @return options that put the site on the database under test
	 */
	abstract List<String> database(Path data);

	@BeforeAll
	void start() throws IOException {
		Path data = TestDatabases.newDataFolder();
		site = RunningSite.start(data, database(data).toArray(String[]::new));
		var workflow = site.bean(ArticleWorkflow.class);
		var image = site.bean(MediaLibrary.class)
			.store(jpeg(data.resolve("lead.jpg")), "Cranes at dusk", "The port", "Agency");
		site.bean(Authors.class)
			.save(new AuthorProfile("Ada Quay", "Port reporter", "The Gazette", "Covers the harbour."));
		fullId = workflow
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, "Harbour dues rise", "Ports",
							List.of(AuthorProfile.named("Ada Quay"), AuthorProfile.named("Ben Wake")),
							"Fees go up in May", "Dues **rise** by 5%.", new ImageUse(image.id(), null, null, null),
							List.of("Shipping", "Money"), "fr", ArticleStatus.PUBLISHED, HOUR_AGO, null,
							new Syndication("Wire Service", "First published by the wire.",
									"https://wire.example/dues")))
			.id();
		site.bean(Comments.class).add(fullId, "Reader", "Good news", CommentStatus.APPROVED);
		site.bean(Likes.class).like(fullId, Likes.newReader(), "192.0.2.1");
		for (int i = 1; i <= 7; i++) {
			publish("Dispatch " + i, "Ports", "Ben Wake", "Shipping", HOUR_AGO.minus(i, ChronoUnit.MINUTES));
		}
		// Two articles at one instant: the cursor must keep both (ties broken by id).
		publish("Tie one", "Weather", "Cy Lamp", "Tides", HOUR_AGO.minus(1, ChronoUnit.DAYS));
		publish("Tie two", "Weather", "Cy Lamp", "Tides", HOUR_AGO.minus(1, ChronoUnit.DAYS));
		draftId = workflow.create(TestArticles.ACTOR, draft("Secret draft", ArticleStatus.DRAFT, null));
		scheduledId = workflow.create(TestArticles.ACTOR, draft("Secret scheduled", ArticleStatus.DRAFT, null));
		workflow.schedule(TestArticles.ACTOR, scheduledId, Instant.now().plus(1, ChronoUnit.DAYS));
		unpublishedId = publish("Secret unpublished", "Hidden", "Dee Dark", "Covert", HOUR_AGO);
		workflow.unpublish(TestArticles.ACTOR, unpublishedId, null);
	}

	@AfterAll
	void stop() {
		site.close();
	}

	private long publish(String title, String section, String author, String tag, Instant at) {
		return site.bean(ArticleWorkflow.class)
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, title, section, List.of(AuthorProfile.named(author)), "About " + title,
							"Body of " + title, null, List.of(tag), null, ArticleStatus.PUBLISHED, at, null, null))
			.id();
	}

	private static ArticleDraft draft(String title, ArticleStatus status, Instant at) {
		return new ArticleDraft(null, title, "Hidden", List.of(AuthorProfile.named("Dee Dark")), "Standfirst", "Body",
				null, List.of("Covert"), null, status, at, null, null);
	}

	private static Path jpeg(Path file) {
		var image = new BufferedImage(1000, 500, BufferedImage.TYPE_INT_RGB);
		var graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, 1000, 250);
		graphics.dispose();
		try {
			ImageIO.write(image, "jpg", file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	private JsonNode ok(String path) {
		var page = site.get(path);
		assertThat(page.status()).as(path + ": " + page.response().body()).isEqualTo(200);
		assertThat(page.header("Content-Type")).startsWith("application/json");
		return json.readTree(page.response().body());
	}

	private List<String> headlines(JsonNode list) {
		return list.get("items").valueStream().map(a -> a.get("headline").asString()).toList();
	}

	@Test
	void aContentKeyIsOptionalButMustWorkWhenSent() {
		var keys = site.bean(ContentKeys.class);
		var issued = keys.issue(SystemActor.CLI, "Mobile app");
		assertThat(issued.secret()).startsWith("bsc_");
		var keyed = site.get(API + "/articles/" + fullId + "?key=" + issued.secret());
		assertThat(keyed.status()).isEqualTo(200);
		// Answered for one integration: kept by no shared cache.
		assertThat(keyed.header("Surrogate-Key")).isNull();
		var bearer = site.get(API + "/articles", "Authorization", "Bearer " + issued.secret());
		assertThat(bearer.status()).isEqualTo(200);
		assertThat(keys.all(SystemActor.CLI).get(0).lastUsedAt()).isNotNull();

		var unknown = site.get(API + "/articles?key=bsc_unknown");
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(json.readTree(unknown.response().body()).get("parameter").asString()).isEqualTo("key");
		keys.revoke(SystemActor.CLI, issued.key().id());
		assertThat(site.get(API + "/articles/" + fullId + "?key=" + issued.secret()).status()).isEqualTo(401);
		// Without a key the API stays public.
		assertThat(site.get(API + "/articles/" + fullId).status()).isEqualTo(200);
	}

	@Test
	void anArticleHasEveryMemberItsPageShows() {
		JsonNode a = ok(API + "/articles/" + fullId);
		String base = site.url("");
		assertThat(a.get("id").asLong()).isEqualTo(fullId);
		assertThat(a.get("headline").asString()).isEqualTo("Harbour dues rise");
		assertThat(a.get("slug").asString()).isEqualTo("harbour-dues-rise");
		assertThat(a.get("url").asString()).isEqualTo(base + "/ports/harbour-dues-rise");
		assertThat(a.get("section").get("slug").asString()).isEqualTo("ports");
		assertThat(a.get("section").get("name").asString()).isEqualTo("Ports");
		assertThat(a.get("section").get("url").asString()).isEqualTo(base + "/ports/");
		assertThat(a.get("tags").valueStream().map(t -> t.get("slug").asString())).containsExactly("shipping", "money");
		assertThat(a.get("tags").get(1).get("url").asString()).isEqualTo(base + "/tag/money");
		var authors = a.get("authors");
		assertThat(authors.valueStream().map(t -> t.get("name").asString())).containsExactly("Ada Quay", "Ben Wake");
		assertThat(authors.get(0).get("slug").asString()).isEqualTo("ada-quay");
		assertThat(authors.get(0).get("title").asString()).isEqualTo("Port reporter");
		assertThat(authors.get(0).get("affiliation").asString()).isEqualTo("The Gazette");
		assertThat(authors.get(0).get("bio").asString()).isEqualTo("Covers the harbour.");
		assertThat(authors.get(0).get("url").asString()).isEqualTo(base + "/author/ada-quay");
		assertThat(a.get("standfirst").asString()).isEqualTo("Fees go up in May");
		assertThat(a.get("bodyHtml").asString()).contains("<strong>rise</strong>");
		assertThat(a.get("bodyMarkdown").asString()).isEqualTo("Dues **rise** by 5%.");
		var image = a.get("leadImage");
		assertThat(image.get("url").asString()).startsWith(base + "/media/").endsWith(".jpg");
		assertThat(image.get("alt").asString()).isEqualTo("Cranes at dusk");
		assertThat(image.get("caption").asString()).isEqualTo("The port");
		assertThat(image.get("credit").asString()).isEqualTo("Agency");
		assertThat(image.get("width").asInt()).isEqualTo(1000);
		assertThat(image.get("height").asInt()).isEqualTo(500);
		assertThat(image.get("variants").valueStream().map(v -> v.get("width").asInt())).containsExactly(480, 960);
		for (JsonNode variant : image.get("variants")) {
			String url = variant.get("url").asString();
			assertThat(url).startsWith(base + "/media/variants/");
			assertThat(site.get(url.substring(base.length())).status()).isEqualTo(200);
		}
		var syndication = a.get("syndication");
		assertThat(syndication.get("publication").asString()).isEqualTo("Wire Service");
		assertThat(syndication.get("note").asString()).isEqualTo("First published by the wire.");
		assertThat(syndication.get("canonicalUrl").asString()).isEqualTo("https://wire.example/dues");
		assertThat(Instant.parse(a.get("publishedAt").asString())).isEqualTo(HOUR_AGO);
		assertThat(a.get("updatedAt").asString()).endsWith("Z");
		assertThat(a.get("language").asString()).isEqualTo("fr");
		assertThat(a.get("direction").asString()).isEqualTo("ltr");
		assertThat(a.get("commentCount").asInt()).isEqualTo(1);
		assertThat(a.get("likeCount").asInt()).isEqualTo(1);
	}

	@Test
	void listsAreNewestFirstAndFilter() {
		List<String> newest = headlines(ok(API + "/articles?limit=100"));
		assertThat(newest).startsWith("Harbour dues rise", "Dispatch 1", "Dispatch 2").hasSize(10);
		assertThat(headlines(ok(API + "/articles?section=weather"))).containsExactlyInAnyOrder("Tie one", "Tie two");
		assertThat(headlines(ok(API + "/articles?tag=money"))).containsExactly("Harbour dues rise");
		assertThat(headlines(ok(API + "/articles?author=ada-quay"))).containsExactly("Harbour dues rise");
		assertThat(headlines(ok(API + "/articles?author=ben-wake&tag=shipping&section=ports&limit=3")))
			.containsExactly("Harbour dues rise", "Dispatch 1", "Dispatch 2");
		assertThat(headlines(ok(API + "/articles?language=fr"))).containsExactly("Harbour dues rise");
		assertThat(headlines(ok(API + "/articles?language=en&limit=100"))).hasSize(9)
			.doesNotContain("Harbour dues rise");
		assertThat(headlines(ok(API + "/articles?section=no-such-section"))).isEmpty();
		assertThat(headlines(ok(API + "/articles?updated_since=" + Instant.now().plus(1, ChronoUnit.DAYS)))).isEmpty();
		// Stored with their publication instant as their last change: the ties are a day
		// older.
		assertThat(headlines(
				ok(API + "/articles?updated_since=" + Instant.now().minus(2, ChronoUnit.HOURS) + "&limit=100")))
			.hasSize(8)
			.doesNotContain("Tie one", "Tie two");
		// Lists leave out what would take a query per article.
		var first = ok(API + "/articles?limit=1").get("items").get(0);
		assertThat(first.has("commentCount")).isFalse();
		assertThat(first.get("bodyMarkdown").asString()).isEqualTo("Dues **rise** by 5%.");
	}

	@Test
	void cursorsWalkEveryArticleOnceWhateverThePageSize() {
		var expected = headlines(ok(API + "/articles?limit=100"));
		for (int limit : List.of(1, 2, 3, 4)) {
			var seen = new ArrayList<String>();
			String next = null;
			int pages = 0;
			do {
				var page = ok(API + "/articles?limit=" + limit + (next == null ? "" : "&cursor=" + next));
				seen.addAll(headlines(page));
				next = page.get("next").isNull() ? null : page.get("next").asString();
				pages++;
			}
			while (next != null);
			assertThat(seen).as("limit " + limit).containsExactlyElementsOf(expected);
			assertThat(pages).isEqualTo((expected.size() + limit - 1) / limit);
		}
		var cursor = ok(API + "/articles?limit=1&section=weather").get("next").asString();
		assertThat(headlines(ok(API + "/articles?limit=5&section=weather&cursor=" + cursor))).hasSize(1);
	}

	@Test
	void sectionsTagsAndAuthorsArePagedAndFoundBySlug() {
		assertThat(ok(API + "/sections").get("items").valueStream().map(s -> s.get("slug").asString()))
			.containsExactly("ports", "weather");
		var tags = new ArrayList<String>();
		String next = null;
		do {
			var page = ok(API + "/tags?limit=1" + (next == null ? "" : "&cursor=" + next));
			page.get("items").forEach(t -> tags.add(t.get("slug").asString()));
			next = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (next != null);
		assertThat(tags).containsExactly("money", "shipping", "tides");
		assertThat(ok(API + "/authors?limit=100").get("items").valueStream().map(s -> s.get("slug").asString()))
			.containsExactly("ada-quay", "ben-wake", "cy-lamp");
		assertThat(ok(API + "/sections/ports").get("name").asString()).isEqualTo("Ports");
		assertThat(ok(API + "/tags/money").get("name").asString()).isEqualTo("Money");
		assertThat(ok(API + "/authors/ada-quay").get("bio").asString()).isEqualTo("Covers the harbour.");
		for (String hidden : List.of("/sections/hidden", "/tags/covert", "/authors/dee-dark", "/sections/nothing")) {
			problem(API + hidden, 404, null);
		}
	}

	@Test
	void fieldsSelectTopLevelMembers() {
		var a = ok(API + "/articles/" + fullId + "?fields=id,headline,%20tags");
		assertThat(a.propertyNames()).containsExactly("id", "headline", "tags");
		var item = ok(API + "/articles?limit=1&fields=url").get("items").get(0);
		assertThat(item.propertyNames()).containsExactly("url");
	}

	@Test
	void responsesAreCachedLikeReaderPages() {
		var path = API + "/articles?section=ports&limit=2";
		var first = site.get(path);
		String etag = first.header("ETag");
		assertThat(etag).isNotNull();
		assertThat(first.header("Cache-Control")).startsWith("public").contains("s-maxage=600");
		assertThat(first.header("Surrogate-Key")).contains("article:" + fullId, "list:section:");
		assertThat(first.header("Access-Control-Allow-Origin")).isEqualTo("*");
		var again = site.get(path, "If-None-Match", etag);
		assertThat(again.status()).isEqualTo(304);
		var article = site.get(API + "/articles/" + fullId);
		assertThat(article.header("Cache-Control")).contains("s-maxage=3600");
		assertThat(site.get(API + "/articles/" + fullId, "If-None-Match", article.header("ETag")).status())
			.isEqualTo(304);
		assertThat(site.get(API + "/articles/" + fullId, "Origin", "https://app.example")
			.header("Access-Control-Allow-Origin")).isEqualTo("*");
		var preflight = RunningSite.send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(URI.create(site.url(API + "/articles")))
					.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
					.header("Origin", "https://app.example")
					.header("Access-Control-Request-Method", "GET")
					.header("Access-Control-Request-Headers", "if-none-match")
					.build());
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElseThrow()).contains("GET")
			.doesNotContain("POST");
	}

	@Test
	void draftsScheduledAndUnpublishedArticlesNeverShow() {
		for (long id : List.of(draftId, scheduledId, unpublishedId)) {
			problem(API + "/articles/" + id, 404, null);
		}
		for (String query : List.of("?limit=100", "?section=hidden", "?tag=covert", "?author=dee-dark",
				"?updated_since=2000-01-01T00:00:00Z&limit=100", "?language=en&limit=100")) {
			var body = site.get(API + "/articles" + query).response().body();
			assertThat(body).as(query).doesNotContain("Secret");
		}
		for (String list : List.of("/sections", "/tags", "/authors")) {
			var body = site.get(API + list + "?limit=100").response().body();
			assertThat(body).as(list).doesNotContain("hidden", "covert", "dee-dark");
		}
	}

	@Test
	void badParametersAreProblemDetailsNamingThem() {
		problem(API + "/articles?limit=0", 400, "limit");
		problem(API + "/articles?limit=101", 400, "limit");
		problem(API + "/articles?limit=ten", 400, "limit");
		problem(API + "/articles?cursor=not-a-cursor!", 400, "cursor");
		problem(API + "/articles?cursor=" + Cursors.ofSlug("ports"), 400, "cursor");
		problem(API + "/tags?cursor=" + URLEncoder.encode("YTox", StandardCharsets.UTF_8), 400, "cursor");
		problem(API + "/articles?updated_since=yesterday", 400, "updated_since");
		problem(API + "/articles?fields=id,password", 400, "fields");
		problem(API + "/articles/" + fullId + "?fields=nope", 400, "fields");
		problem(API + "/articles/999999", 404, null);
		problem(API + "/articles/abc", 404, null);
		problem(API + "/nothing-here", 404, null);
		assertThat(new HashSet<>(List.of(site.get("/api/search?q=harbour").status()))).containsExactly(200);
	}

	private void problem(String path, int status, String parameter) {
		var page = site.get(path);
		assertThat(page.status()).as(path).isEqualTo(status);
		assertThat(page.header("Content-Type")).as(path).startsWith("application/problem+json");
		var body = json.readTree(page.response().body());
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("instance").asString()).isEqualTo(path.replaceAll("\\?.*", ""));
		if (parameter != null) {
			assertThat(body.get("parameter").asString()).isEqualTo(parameter);
			assertThat(body.get("detail").asString()).startsWith(parameter + ": ");
		}
	}

}
