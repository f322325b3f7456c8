package org.broadsheet.fediverse.actor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.Syndication;
import org.broadsheet.author.Author;
import org.broadsheet.media.Image;
import org.broadsheet.taxonomy.Section;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The {@code content} of an {@code Article} object: byline, lead image caption and
 * credit, body and syndication note, in the site's language, escaped, with only the
 * elements Mastodon keeps. Uses the real message bundles.
 */
class ArticleContentTest {

	static final String BASE = "https://news.example";

	final ResourceBundleMessageSource messages = messages();

	static ResourceBundleMessageSource messages() {
		var source = new ResourceBundleMessageSource();
		source.setBasename("messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	static Article article(Image image, Syndication syndication, Author... authors) {
		Instant at = Instant.parse("2026-03-01T10:00:00Z");
		return new Article(7, "russias-n-korea-approach", "Russia’s N Korea approach",
				new Section(3, "opinion", "Opinion", true, false), List.of(authors), "Russia doesn’t play…",
				"<p>Body <strong>text</strong></p>", image, List.of(), null, ArticleStatus.PUBLISHED, at, at,
				syndication);
	}

	static Author author(long id, String slug, String name) {
		return new Author(id, slug, name, null, null, null);
	}

	String html(Article article, Locale locale) {
		return ArticleContent.html(article, path -> BASE + path, messages, locale);
	}

	@Test
	void carriesTheBylineCaptionCreditBodyAndSyndicationNoteInThePagesOrder() {
		var image = new Image(1, "2026/03/lead.jpg", "image/jpeg", 1200, 800, "Vladimir Putin and Kim Jong Un",
				"Vladimir Putin and Kim Jong Un in Pyongyang", "Photo: Xinhua");
		var syndication = new Syndication("Carnegie Commentary",
				"The longer version of this commentary first appeared in Carnegie Commentary",
				"https://carnegie.example/commentary/1");
		String html = html(article(image, syndication, author(1, "alexander-gabuev", "Alexander Gabuev")),
				Locale.ENGLISH);

		var body = Jsoup.parseBodyFragment(html).body();
		List<Element> blocks = body.children();
		assertThat(blocks).hasSize(4);
		assertThat(blocks.get(0).text()).isEqualTo("Alexander Gabuev");
		assertThat(blocks.get(0).selectFirst("a").attr("href")).isEqualTo(BASE + "/author/alexander-gabuev");
		assertThat(blocks.get(1).selectFirst("em").text())
			.isEqualTo("Vladimir Putin and Kim Jong Un in Pyongyang Photo: Xinhua");
		assertThat(blocks.get(2).html()).isEqualTo("Body <strong>text</strong>");
		var note = blocks.get(3);
		assertThat(note.selectFirst("em").text())
			.isEqualTo("The longer version of this commentary first appeared in Carnegie Commentary.");
		assertThat(note.selectFirst("a").attr("href")).isEqualTo("https://carnegie.example/commentary/1");
		assertThat(note.selectFirst("a").text()).isEqualTo("Read the original in Carnegie Commentary");
		// Only what Mastodon's sanitizer keeps, besides the stored body.
		String outside = html.replace("<p>Body <strong>text</strong></p>", "");
		assertThat(Jsoup.isValid(outside, Safelist.none().addTags("p", "em").addAttributes("a", "href"))).as(outside)
			.isTrue();
	}

	@Test
	void isInTheSitesLanguageAndJoinsAuthorsAsThePageDoes() {
		var syndication = new Syndication(null, "Paru d’abord ailleurs!", "https://ailleurs.example/a");
		String html = html(
				article(null, syndication, author(1, "ada", "Ada"), author(2, "bo", "Bo"), author(3, "cy", "Cy")),
				Locale.FRENCH);
		var blocks = Jsoup.parseBodyFragment(html).body().children();
		assertThat(blocks).hasSize(3);
		assertThat(blocks.get(0).text()).isEqualTo("Ada, Bo et Cy");
		assertThat(blocks.get(0).select("a")).hasSize(3);
		// Ends a sentence already: no full stop added; no publication: the URL names it.
		assertThat(blocks.get(2).selectFirst("em").text()).isEqualTo("Paru d’abord ailleurs!");
		assertThat(blocks.get(2).selectFirst("a").text()).isEqualTo("Lire l’original dans https://ailleurs.example/a");
	}

	@Test
	void escapesEveryTextAndLeavesOutWhatThePageLeavesOut() {
		var image = new Image(1, "a.jpg", "image/jpeg", 10, 10, "alt", null, "<b>AP</b> & \"Reuters\"");
		var syndication = new Syndication("<script>alert(1)</script>", "First in <i>Daily</i>",
				"https://daily.example/?a=1&b=2");
		String html = html(article(image, syndication, author(1, "x", "<img src=x onerror=alert(1)>")), Locale.ENGLISH);
		assertThat(html).doesNotContain("<script", "<img", "<b>", "<i>")
			.contains("&lt;b&gt;AP&lt;/b&gt; &amp; &quot;Reuters&quot;")
			.contains("href=\"https://daily.example/?a=1&amp;b=2\"");
		var blocks = Jsoup.parseBodyFragment(html).body().children();
		assertThat(blocks.get(0).text()).isEqualTo("<img src=x onerror=alert(1)>");
		assertThat(blocks.get(1).text()).isEqualTo("<b>AP</b> & \"Reuters\"");
		assertThat(blocks.get(3).selectFirst("a").attr("href")).isEqualTo("https://daily.example/?a=1&b=2");

		// No caption nor credit, a syndication without a note: neither paragraph.
		var bare = new Image(1, "a.jpg", "image/jpeg", 10, 10, "alt", null, null);
		String plain = html(
				article(bare, new Syndication("Daily", null, "https://daily.example/"), author(1, "x", "X")),
				Locale.ENGLISH);
		assertThat(Jsoup.parseBodyFragment(plain).body().children()).hasSize(2);
		assertThat(plain).doesNotContain("<em>", "daily.example");
	}

}
