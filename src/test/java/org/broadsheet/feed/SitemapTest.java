package org.broadsheet.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;

/**
 * Sitemaps over HTTP: well-formed, counted, split at 50,000 URLs, escaped for any slug.
 */
class SitemapTest {

	static RunningSite site;

	@BeforeAll
	static void start() {
		site = RunningSite.start(TestDatabases.newDataFolder());
		var workflow = site.bean(ArticleWorkflow.class);
		workflow.store(TestArticles.ACTOR,
				new ArticleDraft(null, "مكتبة & ليلية", "ثقافة", List.of(AuthorProfile.named("Lina Haddad")), null,
						"Text", null, List.of("Tag & Co"), null, ArticleStatus.PUBLISHED,
						Instant.now().minusSeconds(3600), null, null));
		// 50,000 more, generated straight into the database (the importer would take
		// minutes).
		var jdbc = site.bean(JdbcTemplate.class);
		site.bean(TransactionTemplate.class).executeWithoutResult(status -> {
			jdbc.update("INSERT INTO section (slug, name, opinion) VALUES ('generated', 'Generated', FALSE)");
			long section = jdbc.queryForObject("SELECT id FROM section WHERE slug = 'generated'", Long.class);
			List<Object[]> rows = new ArrayList<>();
			for (int i = 0; i < 50_000; i++) {
				long at = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli() + i * 1000L;
				rows.add(new Object[] { section, "generated-" + i, "Generated " + i, at, at });
			}
			jdbc.batchUpdate(
					"INSERT INTO article (section_id, slug, title, body_markdown, body_html, status, published_at, "
							+ "updated_at) VALUES (?, ?, ?, '', '', 'published', ?, ?)",
					rows);
		});
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	static Document xml(String path) throws Exception {
		var response = site.get(path);
		assertThat(response.status()).as(path).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/xml");
		var factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder()
			.parse(new ByteArrayInputStream(response.response().body().getBytes(StandardCharsets.UTF_8)));
	}

	static List<String> locs(Document doc) {
		var nodes = doc.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
		List<String> locs = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			locs.add(nodes.item(i).getTextContent());
		}
		return locs;
	}

	@Test
	void theIndexSplitsArticlesAt50000() throws Exception {
		assertThat(locs(xml("/sitemap.xml"))).containsExactly(site.url("/sitemaps/articles-1.xml"),
				site.url("/sitemaps/articles-2.xml"), site.url("/sitemaps/sections.xml"),
				site.url("/sitemaps/tags.xml"), site.url("/sitemaps/authors.xml"), site.url("/sitemaps/pages.xml"),
				site.url("/sitemaps/news.xml"));
		assertThat(locs(xml("/sitemaps/articles-1.xml"))).hasSize(50_000);
		var second = xml("/sitemaps/articles-2.xml");
		assertThat(locs(second)).hasSize(1);
		assertThat(second.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "lastmod")
			.item(0)
			.getTextContent()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
		assertThat(site.get("/sitemaps/articles-3.xml").status()).isEqualTo(404);
	}

	@Test
	void nonLatinSlugsArePercentEncoded() throws Exception {
		assertThat(locs(xml("/sitemaps/articles-2.xml")).get(0)).isEqualTo(site
			.url("/%D8%AB%D9%82%D8%A7%D9%81%D8%A9/%D9%85%D9%83%D8%AA%D8%A8%D8%A9-%D9%84%D9%8A%D9%84%D9%8A%D8%A9"));
		assertThat(locs(xml("/sitemaps/tags.xml"))).containsExactly(site.url("/tag/tag-co"));
		assertThat(locs(xml("/sitemaps/sections.xml"))).contains(site.url("/generated/"));
		assertThat(locs(xml("/sitemaps/authors.xml"))).containsExactly(site.url("/author/lina-haddad"));
	}

	@Test
	void theNewsSitemapHasTheLast48Hours() throws Exception {
		var news = xml("/sitemaps/news.xml");
		assertThat(locs(news)).hasSize(1);
		var title = news.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "title").item(0);
		assertThat(title.getTextContent()).isEqualTo("مكتبة & ليلية");
	}

	@Test
	void robotsPointToTheSitemaps() {
		var robots = site.get("/robots.txt").response().body();
		assertThat(robots).contains("Sitemap: " + site.url("/sitemap.xml"), "Disallow: /newsroom");
	}

}
