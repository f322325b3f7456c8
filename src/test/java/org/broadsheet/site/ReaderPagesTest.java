package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.broadsheet.support.ReaderBrowser;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the listing and article pages say over HTTP: per-teaser language and direction,
 * tag and author headings, the current section in the navigation, trailing-slash and
 * WordPress feed redirects, reading time, comment-form errors tied to their fields, one
 * empty state for comments.
 */
class ReaderPagesTest {

	static ReaderFixture fixture;

	@BeforeAll
	static void start() throws Exception {
		fixture = ReaderFixture.start("--broadsheet.comments.min-fill-time=0s");
	}

	@AfterAll
	static void stop() {
		if (fixture != null) {
			fixture.close();
		}
	}

	private static Document html(String path) {
		var page = fixture.site.get(path);
		assertThat(page.status()).as(path).isEqualTo(200);
		return page.html();
	}

	@Test
	void everyTeaserCarriesItsArticlesLanguageAndDirectionAndTheSectionLabelKeepsTheSites() {
		for (String path : new String[] { "/", "/world/", "/tag/russia" }) {
			var doc = html(path);
			var arabic = doc.selectFirst("article.teaser:has(a[href=" + fixture.arabic + "])");
			assertThat(arabic.attr("lang")).as(path).isEqualTo("ar");
			assertThat(arabic.attr("dir")).isEqualTo("rtl");
			assertThat(arabic.selectFirst(".kicker").attr("lang")).isEqualTo("en");
			assertThat(arabic.selectFirst(".kicker").attr("dir")).isEqualTo("ltr");
			var english = doc.select("article.teaser[lang=en]");
			assertThat(english).as(path).isNotEmpty();
			english.forEach(teaser -> {
				assertThat(teaser.attr("dir")).isEqualTo("ltr");
				assertThat(teaser.selectFirst(".kicker").hasAttr("lang")).isFalse();
			});
		}
		var article = html(fixture.arabic);
		assertThat(article.selectFirst("article.article").attr("dir")).isEqualTo("rtl");
		assertThat(article.selectFirst("article.article .kicker").attr("lang")).isEqualTo("en");
	}

	@Test
	void aTagPageSaysItIsATagAndAnAuthorPageShowsThePortraitAndTheirArticles() {
		var tag = html("/tag/russia");
		assertThat(tag.selectFirst("main h1").text()).isEqualTo("Tag: Russia");
		assertThat(tag.title()).startsWith("Tag: Russia");
		var author = html("/author/alexander-gabuev");
		assertThat(author.selectFirst("main h1").text()).isEqualTo("Alexander Gabuev");
		var portrait = author.selectFirst(".profile img.portrait");
		assertThat(portrait).isNotNull();
		assertThat(fixture.site.get(portrait.attr("src")).status()).isEqualTo(200);
		assertThat(author.selectFirst(".listing-subhead").text()).isEqualTo("Articles by Alexander Gabuev");
		assertThat(author.select(".teasers article")).isNotEmpty();
	}

	@Test
	void theNavigationMarksTheCurrentSection() {
		assertThat(html("/opinion/").select(".sections a[aria-current]")).singleElement()
			.satisfies(a -> assertThat(a.attr("aria-current")).isEqualTo("page"))
			.satisfies(a -> assertThat(a.attr("href")).isEqualTo("/opinion/"));
		assertThat(html(ReaderFixture.REFERENCE).select(".sections a[aria-current]")).singleElement()
			.satisfies(a -> assertThat(a.attr("aria-current")).isEqualTo("true"));
		assertThat(html("/").select(".sections a[aria-current]")).isEmpty();
		assertThat(html("/").select(".sections a")).hasSizeGreaterThan(5);
	}

	@Test
	void authorTagAndWordPressFeedAddressesRedirect() {
		assertRedirect("/tag/russia/", "/tag/russia");
		assertRedirect("/author/alexander-gabuev/", "/author/alexander-gabuev");
		assertRedirect("/author/alexander-gabuev/?page=1", "/author/alexander-gabuev?page=1");
		assertRedirect("/feed/", "/feed/rss");
		assertRedirect("/feed", "/feed/rss");
		assertThat(fixture.site.get("/feed/rss").status()).isEqualTo(200);
	}

	@Test
	void thePhoneMastheadsSearchButtonAloneOpensTheSearchPage() {
		var masthead = html("/").selectFirst("form.masthead-search");
		assertThat(masthead.attr("action")).isEqualTo("/search");
		assertThat(masthead.selectFirst("button[type=submit]")).isNotNull();
		assertThat(html("/search?q=").selectFirst("form.search-form input[name=q]")).isNotNull();
	}

	private static void assertRedirect(String from, String to) {
		var page = fixture.site.get(from);
		assertThat(page.status()).as(from).isEqualTo(301);
		assertThat(page.header("Location")).as(from).endsWith(to);
	}

	@Test
	void articlesShowTheirReadingTime() {
		assertThat(html(ReaderFixture.REFERENCE).selectFirst(".byline .reading-time").text()).matches("[2-9] min read");
		assertThat(html(fixture.arabic).selectFirst(".byline .reading-time").text()).isEqualTo("1 min read");
	}

	@Test
	void theCommentsSayNoCommentsOnceAndCountThemWhenThereAreSome() {
		var empty = html(fixture.arabic);
		assertThat(empty.selectFirst("#comments-heading").text()).isEqualTo("Comments");
		assertThat(empty.selectFirst("#comments .empty").text()).isEqualTo("No comments yet.");
		assertThat(empty.select("main *").stream().filter(e -> e.ownText().equals("No Comments"))).hasSize(1);
		assertThat(html(ReaderFixture.REFERENCE).selectFirst("#comments-heading").text()).isEqualTo("1 Comment");
	}

	@Test
	void aRefusedCommentMarksEveryFieldItNames() {
		var reader = new ReaderBrowser(fixture.site);
		reader.open(ReaderFixture.REFERENCE);
		var response = reader.comment(ReaderFixture.REFERENCE,
				Map.of("name", " ", "email", "not an address", "website", "javascript:alert(1)", "text", ""));
		assertThat(response.statusCode()).isEqualTo(400);
		var doc = org.jsoup.Jsoup.parse(response.body());
		for (String field : new String[] { "text", "name", "email", "website" }) {
			var input = doc.getElementById("comment-" + field);
			assertThat(input.attr("aria-invalid")).as(field).isEqualTo("true");
			var error = doc.getElementById(input.attr("aria-describedby"));
			assertThat(error).as(field).isNotNull();
			assertThat(error.hasClass("field-error")).isTrue();
			assertThat(doc.select(".form-error a[href=#comment-" + field + "]")).as(field).hasSize(1);
		}
	}

}
