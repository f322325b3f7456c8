package org.broadsheet.interchange.wordpress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.broadsheet.interchange.wordpress.WordPressReport.Kind;
import org.broadsheet.page.PageStatus;
import org.broadsheet.page.StaticPage;
import org.broadsheet.page.StaticPages;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * WordPress pages ({@code wp:post_type} page) import as static pages, not articles: slug
 * (a Persian one with its zero-width non-joiner), title, excerpt, content converted as a
 * post's, status; again without change; out again as pages. A small export written for
 * this test ({@code src/test/resources/wxr/pages.xml}).
 */
class WordPressPagesTest {

	static RunningSite site;

	static WordPressReport report;

	@BeforeAll
	static void importFile() throws URISyntaxException {
		site = RunningSite.start(TestDatabases.newDataFolder());
		report = site.bean(WordPressImporter.class)
			.importFile(file(), WordPressImporter.Options.defaults(), WordPressContract.NO_PROGRESS);
	}

	static Path file() throws URISyntaxException {
		return Path.of(WordPressPagesTest.class.getResource("/wxr/pages.xml").toURI());
	}

	@AfterAll
	static void stop() {
		if (site != null) {
			site.close();
		}
	}

	private static List<StaticPage> pages() {
		return site.bean(StaticPages.class).everything();
	}

	@Test
	void pagesBecomeStaticPagesAndPostsStayArticles() {
		assertThat(report.tally(Kind.PAGE).created()).isEqualTo(3);
		assertThat(report.tally(Kind.POST).created()).isEqualTo(1);
		assertThat(report.tally(Kind.COMMENT).skipped()).containsEntry("on a page: pages have no comments", 1);
		assertThat(report.changes()).containsKeys("page → static page (published)", "page → static page (draft)",
				"child page → top-level page");
		assertThat(site.bean(JdbcClient.class).sql("SELECT title FROM article").query(String.class).list())
			.containsExactly("Harbour dues rise");
		assertThat(site.bean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM section WHERE name = 'Pages'")
			.query(Integer.class)
			.single()).isZero();
		assertThat(pages()).extracting(StaticPage::slug, StaticPage::status, StaticPage::inFooter)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("about", PageStatus.PUBLISHED, false),
					org.assertj.core.groups.Tuple.tuple("team", PageStatus.DRAFT, false),
					org.assertj.core.groups.Tuple.tuple("شب\u200Cها", PageStatus.PUBLISHED, false));
		var about = pages().stream().filter(p -> p.slug().equals("about")).findFirst().orElseThrow();
		assertThat(about.title()).isEqualTo("About us");
		assertThat(about.description()).isEqualTo("Who we are.");
		assertThat(about.bodyHtml()).contains("<strong>small</strong>", "<p>Write to us any time.")
			.doesNotContain("<script");
	}

	@Test
	void importedPagesAreServedAtTheirAddresses() {
		var about = site.get("/page/about");
		assertThat(about.status()).isEqualTo(200);
		assertThat(about.html().selectFirst("main article h1").text()).isEqualTo("About us");
		assertThat(site.get("/page/team").status()).isEqualTo(404);
		assertThat(site.get("/page/%D8%B4%D8%A8%E2%80%8C%D9%87%D8%A7").html().selectFirst("h1").text())
			.isEqualTo("شب\u200Cها");
	}

	@Test
	void importingAgainChangesNothingAndAnExportCarriesThePagesAsPages() throws Exception {
		var again = site.bean(WordPressImporter.class)
			.importFile(file(), WordPressImporter.Options.defaults(), WordPressContract.NO_PROGRESS);
		assertThat(again.tally(Kind.PAGE).unchanged()).isEqualTo(3);
		assertThat(pages()).hasSize(3);
		Path exported = TestDatabases.newDataFolder().resolve("export.xml");
		java.nio.file.Files.createDirectories(exported.getParent());
		site.bean(WordPressExporter.class).export(exported, "https://news.example");
		String xml = java.nio.file.Files.readString(exported);
		assertThat(xml).contains("<wp:post_type>page</wp:post_type>", "<wp:post_name>about</wp:post_name>");
		// Back in: the pages again as pages, beside the one post's copy.
		var back = site.bean(WordPressImporter.class)
			.importFile(exported, WordPressImporter.Options.defaults(), WordPressContract.NO_PROGRESS);
		assertThat(back.tally(Kind.PAGE).found()).isEqualTo(3);
		assertThat(back.tally(Kind.PAGE).skippedCount()).isZero();
		assertThat(site.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM article").query(Integer.class).single())
			.isEqualTo(2);
		// A second site's copies take free slugs beside the originals.
		assertThat(pages()).extracting(StaticPage::slug).contains("about", "about-2");
	}

}
