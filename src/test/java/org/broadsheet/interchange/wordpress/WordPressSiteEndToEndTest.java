package org.broadsheet.interchange.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriUtils;

/**
 * WordPress's theme unit test data imported with the {@code import-wordpress} command
 * into a fresh SQLite database, then the real site started and read over HTTP: every
 * public article renders, the tricky posts included; what is not public answers 404 and
 * shows in the newsroom's preview.
 */
class WordPressSiteEndToEndTest {

	static RunningSite site;

	static String out;

	static String err;

	@BeforeAll
	static void importAndStart() {
		Path file = WordPressContract.themeData();
		Path data = TestDatabases.newDataFolder();
		var stdout = new StringWriter();
		var stderr = new StringWriter();
		var cli = BroadsheetApplication.commandLine();
		cli.setOut(new PrintWriter(stdout));
		cli.setErr(new PrintWriter(stderr));
		int code = cli.execute("import-wordpress", file.toString(), "--broadsheet.data=" + data);
		out = stdout.toString();
		err = stderr.toString();
		assertThat(code).as(out + err).isZero();
		site = RunningSite.start(data);
	}

	@AfterAll
	static void stop() {
		if (site != null) {
			site.close();
		}
	}

	@Test
	void theCommandShowsProgressOnOneLineAndPrintsTheReport() {
		assertThat(err).contains("\rchecking", "\rimporting", "100%").doesNotContain("Exception");
		assertThat(out)
			.contains("posts:           58 found,     58 imported (58 new, 0 updated, 0 unchanged), 0 skipped")
			.contains("comments:        33 found,     24 imported")
			.contains("pages:           21 found,     21 imported")
			.contains("pingback: Broadsheet keeps readers' comments, not linkbacks")
			.contains("password-protected → unpublished (not public)")
			.contains("[simple]");
	}

	@Test
	void everyPublicArticleRenders() {
		List<String> failures = new ArrayList<>();
		var links = site.bean(PublishedArticles.class).links(1, 1000);
		assertThat(links).hasSizeGreaterThan(50);
		for (var link : links) {
			var page = site.get(link.path());
			if (page.status() != 200 || page.html().selectFirst("main article h1") == null) {
				failures.add(link.path() + " → " + page.status());
			}
		}
		assertThat(failures).isEmpty();
		for (String path : List.of("/", "/?page=2", "/feed/rss", "/feed/atom", "/feed/json", "/sitemap.xml",
				"/search?q=edge")) {
			assertThat(site.get(path).status()).as(path).isEqualTo(200);
		}
	}

	@Test
	void theTrickyPostsRender() {
		var noTitle = page("edge-case-no-title");
		assertThat(noTitle.html().selectFirst("main article h1").text()).isEqualTo("(no title)");
		var longTitle = page("title-should-not-overflow-the-content-area");
		assertThat(longTitle.html().title()).startsWith("Taumatawhakatangihangakoauau");
		var manyTags = page("edge-case-many-tags");
		assertThat(manyTags.html().select("meta[property=article:tag]")).hasSizeGreaterThan(40);
		var markup = page("markup-title-with-markup");
		assertThat(markup.html().selectFirst("main article h1").text()).isEqualTo("Markup: Title With Markup");
		var comments = page("template-comments");
		assertThat(comments.html().select("#comments li, #comments article").text()).contains("Comment Depth 10");
		// A WordPress page becomes a static page.
		var greek = site.get("/page/" + UriUtils.encodePath("επίπεδο-3", StandardCharsets.UTF_8));
		assertThat(greek.status()).isEqualTo(200);
		assertThat(greek.html().selectFirst("main h1").text()).isEqualTo("Επίπεδο 3");
		// The sticky post leads the front page; a former slug answers with a redirect.
		assertThat(site.get("/").html().selectFirst(".lead-story").text()).contains("Template: Sticky");
		String redirect = jdbc().sql("SELECT section_slug || '/' || slug FROM article_redirect WHERE slug = '8-2'")
			.query(String.class)
			.single();
		assertThat(site.get("/" + redirect).status()).isEqualTo(301);
	}

	@Test
	void scheduledAndProtectedPostsAreNotPublicButPreview() {
		var accounts = site.bean(Accounts.class);
		accounts.create(SystemActor.CLI, "wxr-editor@example.com", "WXR Editor", Role.EDITOR, "a long enough password");
		var browser = new NewsroomBrowser(site).signIn("wxr-editor@example.com", "a long enough password");
		for (String title : List.of("Scheduled", "Template: Password Protected (the password is \"enter\")")) {
			Map<String, Object> row = jdbc()
				.sql("SELECT a.id, s.slug AS section, a.slug FROM article a "
						+ "JOIN section s ON s.id = a.section_id WHERE a.title = ?")
				.param(title)
				.query()
				.singleRow();
			String path = "/" + UriUtils.encodePath(row.get("section") + "/" + row.get("slug"), StandardCharsets.UTF_8);
			// A protected post is imported unpublished: its address answers 410 Gone; a
			// scheduled one has never been public here (404).
			assertThat(site.get(path).status()).as(title).isEqualTo(title.equals("Scheduled") ? 404 : 410);
			var preview = browser.get("/newsroom/articles/" + row.get("id") + "/preview");
			assertThat(preview.statusCode()).as(title).isEqualTo(200);
			assertThat(Jsoup.parse(preview.body()).selectFirst("main article h1").text()).isEqualTo(title);
		}
	}

	private static RunningSite.Page page(String slug) {
		var page = site.get(pathOf(slug));
		assertThat(page.status()).as(slug).isEqualTo(200);
		return page;
	}

	private static String pathOf(String slug) {
		String section = jdbc()
			.sql("SELECT s.slug FROM article a JOIN section s ON s.id = a.section_id WHERE a.slug = ?")
			.param(slug)
			.query(String.class)
			.single();
		return "/" + UriUtils.encodePath(section + "/" + slug, StandardCharsets.UTF_8);
	}

	private static JdbcClient jdbc() {
		return site.bean(JdbcClient.class);
	}

}
