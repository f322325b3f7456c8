package org.broadsheet.interchange.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.support.Corpus;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.web.util.UriUtils;

/**
 * An imported WordPress site's old addresses, over real HTTP: hand-made exports in each
 * common permalink structure, the slugs of issue 18 kept exactly, and every published
 * item of the corpus exports reaching its page in at most one redirect. Subclasses bind
 * the database (SQLite, PostgreSQL).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WordPressAddressesContract {

	/** Spring options pointing a new site at a new, empty database. */
	abstract List<String> databaseOptions();

	RunningSite site;

	Path data;

	/** The hand-made site's database options, for the command that reads it. */
	List<String> options;

	/** One site with one hand-made export per permalink structure imported. */
	@BeforeAll
	void importHandMadeExports() throws IOException {
		data = TestDatabases.newDataFolder();
		options = databaseOptions();
		site = RunningSite.start(data, options.toArray(String[]::new));
		Path folder = Files.createTempDirectory("wp-addresses");
		for (var structure : HandMade.STRUCTURES) {
			Path file = folder.resolve(structure.name() + ".xml");
			Files.writeString(file, HandMade.export(structure));
			var report = site.bean(WordPressImporter.class)
				.importFile(file, WordPressImporter.Options.defaults(), (phase, done, total) -> {
				});
			var printed = new StringWriter();
			report.print(new PrintWriter(printed));
			assertThat(printed.toString()).as(structure.name())
				.contains("permalink structure " + structure.pattern().replace("/blog", ""));
		}
	}

	@AfterAll
	void stop() {
		if (site != null) {
			site.close();
		}
	}

	/**
	 * @return the path a redirect from {@code path} leads to, after checking it is one
	 * 301 to a 200
	 */
	String oneRedirect(String path) {
		var first = site.get(path);
		assertThat(first.status()).as(path).isEqualTo(301);
		String location = first.header("Location");
		assertThat(site.get(location).status()).as(path + " → " + location).isEqualTo(200);
		return location;
	}

	@Test
	void everyPermalinkStructureAnswersWithOneRedirectToTheArticle() {
		for (var s : HandMade.STRUCTURES) {
			String article = "/" + s.section() + "/" + s.slug();
			assertThat(oneRedirect(s.link(s.postId(), s.slug()))).as(s.name()).isEqualTo(article);
			assertThat(oneRedirect(s.base() + "/?p=" + s.postId())).as(s.name()).isEqualTo(article);
			// Without the trailing slash, and with a query WordPress would ignore.
			String link = s.link(s.postId(), s.slug());
			if (link.endsWith("/")) {
				assertThat(oneRedirect(link.substring(0, link.length() - 1))).isEqualTo(article);
			}
			assertThat(oneRedirect(link + (link.contains("?") ? "&" : "?") + "utm_source=x")).isEqualTo(article);
		}
	}

	@Test
	void aFormerSlugInTheStructureReachesTheArticle() {
		var s = HandMade.STRUCTURES.get(0);
		assertThat(oneRedirect(s.link(s.postId(), "an-older-slug"))).isEqualTo("/" + s.section() + "/" + s.slug());
	}

	@Test
	void pagesAttachmentsArchivesAndFeedsAnswer() {
		var s = HandMade.STRUCTURES.get(0);
		assertThat(oneRedirect("/?page_id=" + (s.postId() + 1))).isEqualTo("/page/" + s.name() + "-about");
		assertThat(oneRedirect("/" + s.name() + "-about/")).isEqualTo("/page/" + s.name() + "-about");
		assertThat(oneRedirect("/?attachment_id=" + (s.postId() + 2))).isEqualTo("/" + s.section() + "/" + s.slug());
		assertThat(oneRedirect(s.link(s.postId(), s.slug()) + "photo/")).isEqualTo("/" + s.section() + "/" + s.slug());
		assertThat(oneRedirect("/category/" + s.section() + "/")).isEqualTo("/" + s.section() + "/");
		assertThat(oneRedirect("/category/" + s.section() + "/" + s.name() + "-local/"))
			.isEqualTo("/tag/" + s.name() + "-local");
		assertThat(oneRedirect("/category/" + s.section() + "/feed/")).isEqualTo("/feed/rss?section=" + s.section());
		// WordPress's tag slug differs from Broadsheet's (the name "Must Read" makes
		// must-read).
		assertThat(oneRedirect("/tag/" + s.name() + "mustread/")).isEqualTo("/tag/" + s.name() + "-must-read");
		assertThat(oneRedirect("/tag/" + s.name() + "mustread/feed/"))
			.isEqualTo("/feed/rss?tag=" + s.name() + "-must-read");
		assertThat(oneRedirect("/author/" + s.name() + "-writer/")).isEqualTo("/author/" + s.name() + "-writer");
		assertThat(oneRedirect("/author/" + s.name() + "-writer/feed/"))
			.isEqualTo("/feed/rss?author=" + s.name() + "-writer");
		assertThat(oneRedirect("/?feed=rss2")).isEqualTo("/feed/rss");
		// Still 404: an address WordPress never had.
		assertThat(site.get("/2012/07/11/never-was/").status()).isEqualTo(404);
		assertThat(site.get("/?p=999999").status()).isEqualTo(200);
	}

	@Test
	void theQueryFormsOfArchivesAnswerLikeTheirPrettyForms() {
		var s = HandMade.STRUCTURES.get(0);
		String section = "/" + s.section() + "/";
		String local = "/tag/" + s.name() + "-local";
		String mustRead = "/tag/" + s.name() + "-must-read";
		String writer = "/author/" + s.name() + "-writer";
		long cat = s.termId();
		assertThat(oneRedirect("/?cat=" + cat)).isEqualTo(section);
		assertThat(oneRedirect("/?cat=" + cat + "&feed=rss2")).isEqualTo("/feed/rss?section=" + s.section());
		assertThat(oneRedirect("/?feed=rss2&cat=" + cat)).isEqualTo("/feed/rss?section=" + s.section());
		assertThat(oneRedirect("/?cat=" + (cat + 1))).isEqualTo(local);
		assertThat(oneRedirect("/?cat=" + (cat + 1) + "&feed=rss2")).isEqualTo("/feed/rss?tag=" + s.name() + "-local");
		assertThat(oneRedirect("/?category_name=" + s.section())).isEqualTo(section);
		assertThat(oneRedirect("/?category_name=" + s.section() + "%2F" + s.name() + "-local")).isEqualTo(local);
		assertThat(oneRedirect("/?category_name=" + s.name() + "-local&feed=rss2"))
			.isEqualTo("/feed/rss?tag=" + s.name() + "-local");
		// WordPress's tag query var takes the slug, whatever its case.
		assertThat(oneRedirect("/?tag=" + s.name() + "mustread")).isEqualTo(mustRead);
		assertThat(oneRedirect("/?tag=" + s.name().toUpperCase(Locale.ROOT) + "MustRead&feed=rss2"))
			.isEqualTo("/feed/rss?tag=" + s.name() + "-must-read");
		assertThat(oneRedirect("/?tag_id=" + (cat + 2))).isEqualTo(mustRead);
		assertThat(oneRedirect("/?author=" + (cat + 3))).isEqualTo(writer);
		assertThat(oneRedirect("/?author=" + (cat + 3) + "&feed=rss2"))
			.isEqualTo("/feed/rss?author=" + s.name() + "-writer");
		assertThat(oneRedirect("/?author_name=" + s.name() + "-writer")).isEqualTo(writer);
		// The nicename of the writer's Co-Authors Plus term, not their login's.
		assertThat(oneRedirect("/author/" + s.name() + "-columnist/")).isEqualTo(writer);
		assertThat(oneRedirect("/author/" + s.name() + "-columnist/feed/"))
			.isEqualTo("/feed/rss?author=" + s.name() + "-writer");
		assertThat(oneRedirect("/?author_name=" + s.name() + "-columnist&feed=rss2"))
			.isEqualTo("/feed/rss?author=" + s.name() + "-writer");
		// Ids are each site's own: another import's term id reaches that site's section.
		var other = HandMade.STRUCTURES.get(1);
		assertThat(oneRedirect("/?cat=" + other.termId())).isEqualTo("/" + other.section() + "/");
		// An id WordPress never had is the front page, as before.
		assertThat(site.get("/?cat=999999").status()).isEqualTo(200);
		assertThat(site.get("/?author=999999&feed=rss2").status()).isEqualTo(200);
	}

	/**
	 * The imported static front pages' links are the sites' roots: the reader site's own
	 * front page keeps "/" whatever the query, and a NUL in a query or path is no address
	 * (PostgreSQL refuses it in text).
	 */
	@Test
	void theFrontPageStaysTheSitesOwnAndANulIsNoAddress() {
		assertThat(site.get("/?utm_source=newsletter").status()).isEqualTo(200);
		assertThat(site.get("/?fbclid=abc&utm_medium=social").status()).isEqualTo(200);
		// A NUL anywhere is a bad request, never a lookup (nor a 500).
		for (String hostile : List.of("/?p=%00", "/no-such-page/?p=%00", "/no-such-page/%00/")) {
			assertThat(site.get(hostile).status()).as(hostile).isEqualTo(400);
		}
		var s = HandMade.STRUCTURES.get(0);
		assertThat(oneRedirect("/?page_id=" + (s.postId() + 3))).isEqualTo("/page/" + s.name() + "-home");
	}

	@Test
	void aSiteInAFolderKeepsItsFolder() {
		var s = HandMade.STRUCTURES.stream().filter(x -> !x.base().isEmpty()).findFirst().orElseThrow();
		assertThat(oneRedirect(s.base() + "/?p=" + s.postId())).isEqualTo("/" + s.section() + "/" + s.slug());
		assertThat(oneRedirect(s.base() + "/feed/")).isEqualTo("/feed/rss");
		assertThat(oneRedirect(s.base() + "/?cat=" + s.termId())).isEqualTo("/" + s.section() + "/");
		assertThat(oneRedirect(s.base() + "/?tag=" + s.name() + "mustread&feed=rss2"))
			.isEqualTo("/feed/rss?tag=" + s.name() + "-must-read");
	}

	@Test
	void theSlugsOfIssue18AreKeptExactly() {
		var s = HandMade.STRUCTURES.get(0);
		for (String slug : HandMade.ISSUE_SLUGS) {
			String decoded = UriUtils.decode(slug, StandardCharsets.UTF_8);
			String article = "/" + s.section() + "/" + UriUtils.encodePathSegment(decoded, StandardCharsets.UTF_8);
			assertThat(site.get(article).status()).as(decoded).isEqualTo(200);
			assertThat(oneRedirect(s.link(HandMade.slugPostId(slug), slug))).isEqualTo(article);
		}
		assertThat(UriUtils.decode(HandMade.ISSUE_SLUGS.get(2), StandardCharsets.UTF_8)).contains("\u2011");
	}

	@Test
	void theMigrationReportListsEveryOldAddressAndChecksItOverHttp() {
		var out = new StringWriter();
		var err = new StringWriter();
		var cli = BroadsheetApplication.commandLine();
		cli.setOut(new PrintWriter(out));
		cli.setErr(new PrintWriter(err));
		var args = new ArrayList<>(List.of("wordpress-addresses", "--site", HandMade.STRUCTURES.get(0).url(), "--check",
				site.url("/"), "--broadsheet.data=" + data));
		args.addAll(options);
		int code = cli.execute(args.toArray(String[]::new));
		assertThat(code).as(out + "\n" + err).isZero();
		var s = HandMade.STRUCTURES.get(0);
		assertThat(out.toString())
			.contains("301\t" + s.url() + "/?p=" + s.postId() + "\t/" + s.section() + "/" + s.slug())
			.containsPattern("\\d+ old addresses: \\d+ answer 200, \\d+ one redirect to a page, 0 reach no page");
	}

	/** The corpus exports, each imported into a site of its own. */
	static Stream<String> corpusExports() {
		return Stream.of("wxr/themeunittestdata.wordpress.xml", "wxr/64-block-test-data.xml", "wxr/theme-preview.xml",
				"wxr-fixtures/wordpress-importer/authors-multiline.xml",
				"wxr-fixtures/wordpress-importer/crazy-cdata.xml",
				"wxr-fixtures/wordpress-importer/crazy-cdata-escaped.xml",
				"wxr-fixtures/wordpress-importer/post-content-blank-lines.xml",
				"wxr-fixtures/wordpress-importer/slashes.xml", "wxr-fixtures/wordpress-importer/small-export.xml",
				"wxr-fixtures/wordpress-importer/valid-wxr-1.0.xml",
				"wxr-fixtures/wordpress-importer/valid-wxr-1.1.xml",
				"wxr-fixtures/wordpress-importer/wxr-utf-8-challenges.xml");
	}

	@ParameterizedTest
	@MethodSource("corpusExports")
	void everyPublishedItemOfACorpusExportReachesItsPageInOneRedirect(String export) {
		Path file = Corpus.require(export);
		try (var own = RunningSite.start(TestDatabases.newDataFolder(), databaseOptions().toArray(String[]::new))) {
			own.bean(WordPressImporter.class).importFile(file, WordPressImporter.Options.defaults(), (p, d, t) -> {
			});
			var http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
			List<String> failures = new ArrayList<>();
			int posts = 0;
			int postsReached = 0;
			int items = 0;
			try (var reader = new WxrReader(file)) {
				for (Wxr.Entry entry; (entry = reader.next()) != null;) {
					if (!(entry instanceof Wxr.Item item) || !item.status().strip().equals("publish")
							|| !item.password().isEmpty() || item.link().isBlank()
							|| !List.of("post", "page").contains(item.postType().strip())) {
						continue;
					}
					items++;
					boolean post = item.postType().strip().equals("post");
					posts += post ? 1 : 0;
					String path = WordPressAddressesCommand.pathAndQuery(item.link());
					// The theme unit test data has one hand-edited page link with "//",
					// which Spring Security's firewall refuses before any page; it
					// still answers, through RejectedAddresses.
					var answer = WordPressAddressesCommand.request(http, own.url(""), item.link());
					if (answer.reaches()) {
						postsReached += post ? 1 : 0;
					}
					else {
						failures.add(path + " → " + answer.status() + " " + answer.location());
					}
				}
			}
			System.out.printf("addresses %s: %d published posts, %d reach their article in <= 1 redirect; "
					+ "%d published items, %d failures%n", export, posts, postsReached, items, failures.size());
			assertThat(failures).as(export).isEmpty();
			assertThat(postsReached).as(export).isEqualTo(posts);
		}
	}

}
