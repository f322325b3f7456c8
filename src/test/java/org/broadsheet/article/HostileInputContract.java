package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.interchange.bundle.BundleImporter;
import org.broadsheet.interchange.wordpress.WordPressImporter;
import org.broadsheet.interchange.wordpress.WxrException;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same hostile values through every door — bundle import, WordPress import, the
 * newsroom's form over HTTP as a signed-in editor — on the real packaged application:
 * each is refused with an error naming the field (a 4xx, a line-numbered bundle error, a
 * line-identified WordPress item or file error), or stored as a real value whose page,
 * search and restart work. Never a 500, never a stored article that breaks a page, the
 * index or a restart (issue 10). Subclasses bind it to SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HostileInputContract {

	static final String PASSWORD = "correct horse battery";

	/**
	 * Door outcomes: an article is stored and works; the door does not apply; or a 4xx
	 * only.
	 */
	static final String ACCEPT = "ACCEPT";

	static final String NONE = "NONE";

	/**
	 * Newsroom: refused with some 4xx (a form too large for the server is not read at
	 * all).
	 */
	static final String ANY_4XX = "4XX";

	/**
	 * Bundle: refused as a whole file (line 0), e.g. too large; WordPress: not
	 * well-formed XML.
	 */
	static final String FILE = "FILE";

	/**
	 * WordPress: a character XML 1.0 forbids, which the import drops and reports, as
	 * WordPress's own importer reads such files (WxrRepair); the article is stored.
	 */
	static final String REPAIRED = "REPAIRED";

	private final Path data = TestDatabases.newDataFolder();

	private Path dir;

	private List<String> options;

	private RunningSite site;

	private NewsroomBrowser editor;

	/** Paths of the articles every door stored, checked again after a restart. */
	private final List<String> stored = new ArrayList<>();

	/**
	 * @return Spring options for a new, empty database of the kind under test
	 */
	abstract List<String> databaseOptions();

	@BeforeAll
	void start() throws IOException {
		dir = Files.createTempDirectory("hostile");
		options = new ArrayList<>(databaseOptions());
		options.add("--broadsheet.search.poll-interval=200ms");
		site = RunningSite.start(data, options.toArray(String[]::new));
		site.bean(Accounts.class).create(SystemActor.CLI, "editor@news.test", "Editor", Role.EDITOR, PASSWORD);
		editor = new NewsroomBrowser(site).signIn("editor@news.test", PASSWORD);
	}

	@AfterAll
	void stop() {
		site.close();
	}

	/**
	 * A hostile value and what each door must do with it.
	 *
	 * @param frontMatter bundle fields replaced (raw YAML values); "body" replaces the
	 * body
	 * @param wordpress WXR item elements replaced (raw XML text); "tags" adds post_tag
	 * categories
	 * @param form newsroom form fields replaced; "at" schedules the new article at that
	 * time
	 * @param bundle, wp, newsroom the field the error must name, or ACCEPT, NONE,
	 * ANY_4XX, FILE, REPAIRED
	 */
	record Hostile(String name, Map<String, String> frontMatter, Map<String, String> wordpress,
			Map<String, String> form, String bundle, String wp, String newsroom) {

		@Override
		public String toString() {
			return name;
		}

	}

	static final String TEN_MB = "x".repeat(10_000_000);

	static String list(String prefix, int count, String separator) {
		return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).collect(Collectors.joining(separator));
	}

	static Stream<Hostile> table() {
		return Stream.of(
				new Hostile("NUL in the title", Map.of("title", "\"Title \\0 nul\""), Map.of("title", "Title &#0; nul"),
						Map.of("title", "Title \u0000 nul"), "title", REPAIRED, "title"),
				new Hostile("lone surrogate in the title", Map.of("title", "\"Title \\uD800 lone\""),
						Map.of("title", "Title &#xD800; lone"), Map.of("title", "Title \uD800 lone"), "title", REPAIRED,
						ACCEPT),
				new Hostile("C0 control in the title", Map.of("title", "\"Title \\x01 control\""),
						Map.of("title", "Title &#1; control"), Map.of("title", "Title \u0001 control"), "title",
						REPAIRED, "title"),
				new Hostile("C1 control in the title", Map.of("title", "\"Title \\x90 control\""),
						Map.of("title", "Title \u0090 control"), Map.of("title", "Title \u0090 control"), "title",
						"title", "title"),
				new Hostile("control in the standfirst", Map.of("summary", "\"Bell \\a here\""),
						Map.of("excerpt", "Bell \u009B here"), Map.of("summary", "Bell \u0007 here"), "summary",
						"summary", "summary"),
				new Hostile("NUL in the body", Map.of("body", "Body \u0000 nul"), Map.of("content", "Body &#0; nul"),
						Map.of("body", "Body \u0000 nul"), "body", REPAIRED, "body"),
				new Hostile("10 MB body", Map.of("body", TEN_MB), Map.of("content", TEN_MB), Map.of("body", TEN_MB),
						FILE, "body", ANY_4XX),
				// WordPress titles are cut to the longest title, with a note (its
				// import's documented way).
				new Hostile("10 MB title", Map.of("title", TEN_MB), Map.of("title", TEN_MB), Map.of("title", TEN_MB),
						FILE, ACCEPT, ANY_4XX),
				new Hostile("epoch date", Map.of("published", "1970-01-01T00:00:00Z"),
						Map.of("post_date_gmt", "1970-01-01 00:00:00"), Map.of("at", "1970-01-01T00:00"), ACCEPT,
						ACCEPT, "goLiveAt"),
				new Hostile("year 99999", Map.of("published", "+99999-01-01T00:00:00Z"),
						Map.of("post_date_gmt", "99999-01-01 00:00:00"), Map.of("at", "+99999-01-01T00:00"),
						"published", "published|post_date_gmt", "goLiveAt"),
				new Hostile("year -1", Map.of("published", "-0001-01-01T00:00:00Z"),
						Map.of("post_date_gmt", "-0001-01-01 00:00:00"), Map.of("at", "-0001-01-01T00:00"), "published",
						"published|post_date_gmt", "goLiveAt"),
				new Hostile("2,000 tags", Map.of("tags", "[" + list("tag", 2_000, ", ") + "]"),
						Map.of("tags", list("tag", 2_000, ",")), Map.of("tags", list("tag", 2_000, ", ")), "tags",
						"tags", "tags"),
				new Hostile("1,000 authors", Map.of("authors", "[" + list("Writer ", 1_000, ", ") + "]"), Map.of(),
						Map.of("authors", list("Writer ", 1_000, ", ")), "authors", NONE, "authors"),
				new Hostile("bad language tag", Map.of("language", "\"not a tag!!\""), Map.of(),
						Map.of("language", "not a tag!!"), "language", NONE, "language"));
	}

	static Hostile row(String name) {
		return table().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
	}

	private int counter;

	/** Every door gets every hostile value of the table. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("table")
	@Order(1)
	void everyDoorRefusesOrStoresSafely(Hostile hostile) throws IOException {
		throughEveryDoor(hostile);
	}

	/** Issue 10, item 1: the epoch is a date, stored as 0 and not as "no date". */
	@Test
	@Order(2)
	void anArticleOfTheEpochIsPublishedSearchableAndShown() throws IOException {
		String word = "Epochal" + System.nanoTime();
		var outcome = site.bean(BundleImporter.class)
			.importPaths(SystemActor.BUNDLE_IMPORT,
					List.of(bundle("epoch", word, Map.of("published", "1970-01-01T00:00:00Z"))))
			.outcomes()
			.get(0);
		assertThat(outcome.error()).isNull();
		assertThat(
				jdbc().sql("SELECT published_at FROM article WHERE title = ?").param(word).query(Long.class).single())
			.isZero();
		var page = site.get(outcome.path());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select("time[datetime]").eachAttr("datetime"))
			.anyMatch(at -> at.startsWith("1970-01-01"));
		awaitSearchTotal(word, 1);
		stored.add(outcome.path());
	}

	/**
	 * Issue 10, item 1: a published row the index cannot read (no date: what the epoch
	 * used to become) is skipped; the others are indexed, at each catch-up, at a rebuild
	 * and at a restart.
	 */
	@Test
	@Order(3)
	void aRowTheIndexCannotReadNeverStopsIndexingNorTheSite() throws IOException {
		String bad = "Undated" + System.nanoTime();
		String good = "Dated" + System.nanoTime();
		var importer = site.bean(BundleImporter.class);
		String badPath = importer.importPaths(SystemActor.BUNDLE_IMPORT, List.of(bundle("bad", bad, Map.of())))
			.outcomes()
			.get(0)
			.path();
		String goodPath = importer.importPaths(SystemActor.BUNDLE_IMPORT, List.of(bundle("good", good, Map.of())))
			.outcomes()
			.get(0)
			.path();
		awaitSearchTotal(good, 1);
		long badId = jdbc().sql("SELECT id FROM article WHERE title = ?").param(bad).query(Long.class).single();
		long goodId = jdbc().sql("SELECT id FROM article WHERE title = ?").param(good).query(Long.class).single();
		// A row as an older version (or another node) may have left it, bypassing the
		// rules.
		jdbc().sql("UPDATE article SET published_at = NULL WHERE id = ?").param(badId).update();
		jdbc().sql("UPDATE article SET title = ? WHERE id = ?").params(good + " Renamed" + goodId, goodId).update();
		// As another node records its changes: the index re-reads both articles in one
		// catch-up.
		for (long id : List.of(badId, goodId)) {
			jdbc().sql("INSERT INTO change_log (subject, subject_id, kind, at) VALUES ('article', ?, 'updated', ?)")
				.params(id, System.currentTimeMillis())
				.update();
		}
		awaitSearchTotal("Renamed" + goodId, 1);
		// A new index is rebuilt from every row at start: the bad one must not stop the
		// site.
		restart(true);
		awaitSearchTotal("Renamed" + goodId, 1);
		assertThat(site.get(goodPath).status()).isEqualTo(200);
		assertThat(site.get(badPath).status()).isEqualTo(404);
		site.bean(ArticleWorkflow.class).delete(TestArticles.ACTOR, badId);
		assertThat(site.get(badPath).status()).isEqualTo(404);
	}

	/** Issue 10, item 7: limits on tags and authors at every door. */
	@Test
	@Order(4)
	void tagsAndAuthorsAreLimitedAtEveryDoor() throws IOException {
		throughEveryDoor(row("2,000 tags"));
		throughEveryDoor(row("1,000 authors"));
		String word = "Manytags" + System.nanoTime();
		var outcome = site.bean(BundleImporter.class)
			.importPaths(SystemActor.BUNDLE_IMPORT,
					List.of(bundle("as-many-as-allowed", word,
							Map.of("tags", "[" + list("tag", ArticleRules.MAX_TAGS, ", ") + "]"))))
			.outcomes()
			.get(0);
		assertThat(outcome.error()).isNull();
		var more = site.bean(BundleImporter.class)
			.importPaths(SystemActor.BUNDLE_IMPORT,
					List.of(bundle("one-too-many", word + "More",
							Map.of("tags", "[" + list("tag", ArticleRules.MAX_TAGS + 1, ", ") + "]"))))
			.outcomes()
			.get(0);
		assertThat(more.error()).matches(".*one-too-many.md:\\d+: tags: at most " + ArticleRules.MAX_TAGS + ", not "
				+ (ArticleRules.MAX_TAGS + 1));
	}

	/** Issue 10, item 10: one range of years for every door. */
	@Test
	@Order(5)
	void absurdDatesAreRefusedAtEveryDoor() throws IOException {
		throughEveryDoor(row("year 99999"));
		throughEveryDoor(row("year -1"));
	}

	/** Issue 10, item 11: one validation for every door. */
	@Test
	@Order(6)
	void everyDoorRefusesTheSameText() throws IOException {
		for (String name : List.of("NUL in the title", "C0 control in the title", "C1 control in the title",
				"control in the standfirst", "NUL in the body", "lone surrogate in the title", "bad language tag")) {
			throughEveryDoor(row(name));
		}
	}

	/**
	 * Issue 10, item 12: a NUL in a newsroom save's title is a 400 naming the title (a
	 * 500 on PostgreSQL before).
	 */
	@Test
	@Order(7)
	void aNulInANewsroomTitleIsRefusedNaming() {
		var form = form("Nul save " + System.nanoTime());
		var created = editor.post("/newsroom/articles", form);
		assertThat(created.statusCode()).isEqualTo(302);
		String path = location(created);
		form.put("title", "Nul \u0000 save");
		var saved = editor.post(path, form);
		assertThat(saved.statusCode()).isEqualTo(400);
		assertThat(saved.body()).contains("title: contains a NUL character");
	}

	/** After everything above: every stored page, search, and a restart still work. */
	@Test
	@Order(100)
	void everythingStoredSurvivesPagesSearchAndARestart() {
		assertThat(stored).isNotEmpty();
		restart(false);
		for (String path : stored) {
			assertThat(site.get(path).status()).as(path).isEqualTo(200);
		}
		assertThat(site.get("/").status()).isEqualTo(200);
		assertThat(site.get("/search?q=hostile").status()).isEqualTo(200);
		assertThat(api("/api/search?q=").get("total").asInt()).isPositive();
		restart(true);
		await().atMost(Duration.ofSeconds(20)).until(() -> api("/api/search?q=").get("total").asInt() > 0);
	}

	private void throughEveryDoor(Hostile hostile) throws IOException {
		int n = ++counter;
		String word = "Hostile" + n + "x" + System.nanoTime();
		bundleDoor(hostile, word + "b");
		wordpressDoor(hostile, word + "w", n);
		newsroomDoor(hostile, word + "n");
	}

	private void bundleDoor(Hostile hostile, String word) throws IOException {
		Path file = bundle(word, word, hostile.frontMatter());
		var outcome = site.bean(BundleImporter.class)
			.importPaths(SystemActor.BUNDLE_IMPORT, List.of(file))
			.outcomes()
			.get(0);
		switch (hostile.bundle()) {
			case ACCEPT -> {
				assertThat(outcome.error()).as(hostile.name()).isNull();
				accepted(outcome.path(), word);
			}
			case FILE -> {
				assertThat(outcome.error()).as(hostile.name()).startsWith(file + ":0: ");
				assertNothingStored(word);
			}
			default -> {
				assertThat(outcome.error()).as(hostile.name())
					.matches(
							Pattern.quote(file.toString()) + ":[1-9]\\d*: (" + hostile.bundle() + ")(\\[\\d+\\])?: .+");
				assertNothingStored(word);
			}
		}
	}

	private void wordpressDoor(Hostile hostile, String word, int n) throws IOException {
		if (hostile.wp().equals(NONE)) {
			return;
		}
		Path file = wxr(word, n, hostile.wordpress());
		var importer = site.bean(WordPressImporter.class);
		if (hostile.wp().equals(FILE)) {
			assertThatThrownBy(() -> importer.importFile(file, WordPressImporter.Options.defaults(), (p, d, t) -> {
			})).as(hostile.name())
				.isInstanceOf(WxrException.class)
				.hasMessageMatching(Pattern.quote(file.toString()) + ":\\d+(:\\d+)?: .+");
			assertNothingStored(word);
			return;
		}
		var report = importer.importFile(file, WordPressImporter.Options.defaults(), (p, d, t) -> {
		});
		if (hostile.wp().equals(ACCEPT) || hostile.wp().equals(REPAIRED)) {
			assertThat(report.notes()).as(hostile.name()).noneMatch(note -> note.contains("skipped"));
			assertThat(report.repairCount()).as(hostile.name()).isEqualTo(hostile.wp().equals(REPAIRED) ? 1 : 0);
			String path = jdbc()
				.sql("SELECT s.slug, a.slug FROM article a JOIN section s ON s.id = a.section_id "
						+ "WHERE a.title LIKE ?")
				.param(word + "%")
				.query((rs, i) -> "/" + rs.getString(1) + "/" + rs.getString(2))
				.single();
			accepted(path, word);
		}
		else {
			assertThat(report.notes()).as(hostile.name())
				.anyMatch(note -> note.matches("(?s)line \\d+ .*: skipped: (" + hostile.wp() + ")(\\[\\d+\\])?: .+"));
			assertNothingStored(word);
		}
	}

	private void newsroomDoor(Hostile hostile, String word) {
		if (hostile.newsroom().equals(NONE)) {
			return;
		}
		var fields = form(word);
		hostile.form().forEach((field, value) -> fields.put(field, field.equals("title") ? word + " " + value : value));
		String at = fields.remove("at");
		var response = at == null ? editor.post("/newsroom/articles", fields)
				: editor.post(createdPath(word) + "/schedule", Map.of("at", at));
		int status = response.statusCode();
		assertThat(status).as(hostile.name()).isLessThan(500);
		switch (hostile.newsroom()) {
			case ACCEPT -> {
				if (status == 302) {
					// Whatever the server decoded must be a page that works.
					assertThat(editor.get(location(response)).statusCode()).isEqualTo(200);
					String title = jdbc().sql("SELECT title FROM article WHERE title LIKE ?")
						.param(word + "%")
						.query(String.class)
						.single();
					assertThat(title).doesNotContainPattern("\\p{Cs}");
				}
			}
			case ANY_4XX -> {
				assertThat(status).as(hostile.name()).isBetween(400, 499);
				assertNothingStored(word);
			}
			default -> {
				assertThat(status).as(hostile.name()).isEqualTo(400);
				assertThat(Jsoup.parse(response.body()).text()).as(hostile.name())
					.containsPattern("(" + hostile.newsroom() + ")(\\[\\d+\\])?: ");
				if (at == null) {
					assertNothingStored(word);
				}
			}
		}
	}

	/**
	 * @return the newsroom path of a new draft titled {@code word}
	 */
	private String createdPath(String word) {
		var created = editor.post("/newsroom/articles", form(word));
		assertThat(created.statusCode()).isEqualTo(302);
		return location(created);
	}

	/**
	 * @return the redirect's path, without its query
	 */
	private static String location(HttpResponse<String> response) {
		return response.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll("^https?://[^/]+", "")
			.replaceAll("\\?.*", "");
	}

	private void accepted(String path, String word) {
		assertThat(site.get(path).status()).as(path).isEqualTo(200);
		awaitSearchTotal(word, 1);
		stored.add(path);
	}

	private void assertNothingStored(String word) {
		assertThat(jdbc().sql("SELECT COUNT(*) FROM article WHERE title LIKE ?")
			.param(word + "%")
			.query(Integer.class)
			.single()).as("articles stored for " + word).isZero();
	}

	static Map<String, String> form(String title) {
		return new LinkedHashMap<>(Map.of("title", title, "section", "Opinion", "authors", "Writer One", "summary",
				"Standfirst", "body", "A paragraph.", "tags", "Hostile"));
	}

	/**
	 * A bundle titled {@code word}, with {@code fields} replacing the defaults ("body"
	 * the body).
	 */
	private Path bundle(String name, String word, Map<String, String> fields) throws IOException {
		var values = new LinkedHashMap<>(Map.of("title", word, "section", "Opinion", "authors", "[Writer One]", "tags",
				"[Hostile]", "published", "2020-05-06T07:08:09Z", "summary", "Standfirst"));
		values.putAll(fields);
		if (values.get("title").startsWith("\"")) {
			// Keep the word first, so that the stored title (if any) can be found.
			values.put("title", "\"" + word + " " + values.get("title").substring(1));
		}
		else if (!values.get("title").equals(word)) {
			values.put("title", word + values.get("title"));
		}
		String body = values.remove("body");
		String frontMatter = values.entrySet()
			.stream()
			.map(e -> e.getKey() + ": " + e.getValue())
			.collect(Collectors.joining("\n"));
		return Files.writeString(dir.resolve(name + ".md"),
				"---\n" + frontMatter + "\n---\n\n" + (body == null ? "A body about " + word + "." : body) + "\n");
	}

	/**
	 * A WordPress export of one published post titled {@code word}, with {@code elements}
	 * replacing the defaults.
	 */
	private Path wxr(String word, int n, Map<String, String> elements) throws IOException {
		var values = new LinkedHashMap<String, String>();
		values.put("title", word);
		values.put("content", "A body about " + word + ".");
		values.put("excerpt", "Standfirst");
		values.put("post_date_gmt", "2020-05-06 07:08:09");
		values.putAll(elements);
		if (!values.get("title").equals(word)) {
			values.put("title", word + " " + values.get("title"));
		}
		String tags = values.containsKey("tags") ? Stream.of(values.get("tags").split(","))
			.map(t -> "<category domain=\"post_tag\" nicename=\"" + t + "\"><![CDATA[" + t + "]]></category>")
			.collect(Collectors.joining()) : "";
		return Files.writeString(dir.resolve(word + ".xml"),
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
						     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
						<channel><link>https://hostile-%d.example</link><wp:wxr_version>1.2</wp:wxr_version>
						<wp:author><wp:author_login>ann</wp:author_login><wp:author_display_name>Ann Writer</wp:author_display_name></wp:author>
						<item><title>%s</title><dc:creator>ann</dc:creator><wp:post_id>1</wp:post_id>
						  <content:encoded>%s</content:encoded>
						  <excerpt:encoded>%s</excerpt:encoded>
						  <wp:post_date_gmt>%s</wp:post_date_gmt><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
						  <category domain="category" nicename="opinion"><![CDATA[Opinion]]></category>%s
						</item></channel></rss>
						"""
					.formatted(n, values.get("title"), values.get("content"), values.get("excerpt"),
							values.get("post_date_gmt"), tags));
	}

	private void restart(boolean newIndex) {
		site.close();
		if (newIndex) {
			FileSystemUtils.deleteRecursively(data.resolve("index").toFile());
		}
		site = RunningSite.start(data, options.toArray(String[]::new));
		editor = new NewsroomBrowser(site).signIn("editor@news.test", PASSWORD);
	}

	private JdbcClient jdbc() {
		return site.bean(JdbcClient.class);
	}

	private void awaitSearchTotal(String word, int total) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> api("/api/search?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)).get("total")
				.asInt() == total);
	}

	private JsonNode api(String path) {
		var response = site.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		return new JsonMapper().readTree(response.response().body());
	}

}
