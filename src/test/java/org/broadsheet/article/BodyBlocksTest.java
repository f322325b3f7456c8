package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.broadsheet.media.Image;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class BodyBlocksTest {

	private static final Image PHOTO = new Image(7, "ab/abcdef.jpg", "image/jpeg", 2000, 1000, "Library alt",
			"Library caption", null);

	private final MarkdownRenderer renderer = new MarkdownRenderer(urls -> {
		Map<String, Image> found = new HashMap<>();
		urls.stream().filter(PHOTO.url()::equals).forEach(url -> found.put(url, PHOTO));
		return found;
	});

	private Document render(String markdown) {
		return Jsoup.parseBodyFragment(renderer.render(markdown));
	}

	@Test
	void footnotesAreNumberedLinkedBothWaysAndKeptBySanitizing() {
		var doc = render("""
				Claim one[^a] and claim two[^2], claim one again[^a]; `[^a]` in code stays; [^none] too.

				[^2]: The second source, with *emphasis*.
				[^a]: The first source.
				    Continued on an indented line.

				After the notes.
				""");
		assertThat(doc.select("sup.footnote-ref a").eachAttr("href")).containsExactly("#fn-1", "#fn-2", "#fn-1");
		assertThat(doc.select("sup.footnote-ref a").eachAttr("id")).containsExactly("fnref-1", "fnref-2", "fnref-1-2");
		assertThat(doc.select("code").text()).isEqualTo("[^a]");
		assertThat(doc.text()).contains("[^none]").contains("After the notes.");
		var notes = doc.select("section.footnotes[role=doc-endnotes] li");
		assertThat(notes.eachAttr("id")).containsExactly("fn-1", "fn-2");
		assertThat(notes.get(0).text()).startsWith("The first source. Continued on an indented line.");
		assertThat(notes.get(0).select("a[role=doc-backlink]").eachAttr("href")).containsExactly("#fnref-1",
				"#fnref-1-2");
		assertThat(notes.get(1).select("em").text()).isEqualTo("emphasis");
		// The section is the body's last block.
		assertThat(doc.body().children().last().hasClass("footnotes")).isTrue();
	}

	@Test
	void writersCannotForgeFootnoteOrEmbedMarkup() {
		String html = renderer
			.render("""
					<sup id="comments" class="footnote-ref"><a href="#x" id="fnref-9" role="doc-noteref">9</a></sup>
					\uE0001\uE001

					<figure class="embed" data-embed-src="https://evil.example/"><a href="https://evil.example/">x</a></figure>

					<aside class="pull-quote" aria-hidden="true">hidden?</aside>
					""");
		assertThat(html).doesNotContain("id=", "role=", "data-embed", "class=", "aside", "aria-hidden", "\uE000");
	}

	@Test
	void aProviderUrlAloneOnItsLineBecomesAnEmbedWithAPlainLink() {
		var doc = render("""
				https://www.youtube.com/watch?v=dQw4w9WgXcQ

				<https://vimeo.com/76979871>

				See https://youtu.be/dQw4w9WgXcQ in a sentence: no embed.

				https://example.org/not-a-provider
				""");
		var embeds = doc.select("figure.embed");
		assertThat(embeds).hasSize(2);
		assertThat(embeds.eachAttr("data-embed-src")).containsExactly(
				"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://player.vimeo.com/video/76979871?dnt=1");
		assertThat(embeds.eachAttr("data-embed-provider")).containsExactly("YouTube", "Vimeo");
		assertThat(embeds.select("a").eachAttr("href")).containsExactly("https://www.youtube.com/watch?v=dQw4w9WgXcQ",
				"https://vimeo.com/76979871");
		assertThat(doc.select("iframe")).isEmpty();
		assertThat(doc.select("p").eachText()).contains("https://example.org/not-a-provider");
	}

	@Test
	void postsOfSocialNetworksStayLinkCards() {
		var doc = render("""
				https://x.com/nasa/status/1234567890

				https://bsky.app/profile/example.bsky.social/post/3kabc123

				https://mastodon.social/@Gargron/109318452135491234
				""");
		var cards = doc.select("figure.embed-card");
		assertThat(cards.eachAttr("data-embed-provider")).containsExactly("X", "Bluesky", "Mastodon");
		assertThat(cards.select("[data-embed-src]")).isEmpty();
		assertThat(cards.select("a").eachAttr("href")).containsExactly("https://x.com/nasa/status/1234567890",
				"https://bsky.app/profile/example.bsky.social/post/3kabc123",
				"https://mastodon.social/@Gargron/109318452135491234");
	}

	@Test
	void iframesOfAllowedPlayersBecomeEmbedsAndOthersAreDropped() {
		var doc = render(
				"""
						<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>

						<iframe src="https://evil.example/frame"></iframe>

						Text <iframe src="https://datawrapper.dwcdn.net/AbC12/3/"></iframe> and more.

						<iframe src="https://w.soundcloud.com/player/?url=https%3A//soundcloud.com/artist/track&auto_play=false"></iframe>
						""");
		assertThat(doc.select("figure.embed").eachAttr("data-embed-src")).containsExactly(
				"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
				"https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fartist%2Ftrack");
		assertThat(doc.html()).doesNotContain("evil.example", "iframe");
		assertThat(doc.select("p").eachText()).contains("Text https://datawrapper.dwcdn.net/AbC12/ and more.");
	}

	@Test
	void aMarkedBlockQuoteIsAPullQuoteHiddenFromScreenReaders() {
		var doc = render("""
				> [!pullquote]
				> Russia doesn't play by [the rules](https://example.org).

				> An ordinary quote.
				""");
		var aside = doc.selectFirst("aside.pull-quote");
		assertThat(aside.attr("aria-hidden")).isEqualTo("true");
		assertThat(aside.select("blockquote p").text()).isEqualTo("Russia doesn't play by the rules.");
		assertThat(aside.select("a")).isEmpty();
		assertThat(doc.select("body > blockquote").text()).isEqualTo("An ordinary quote.");
	}

	@Test
	void libraryImagesGetTheirVariantsSizeAndAlt() {
		var doc = render("""
				![A protest in the square](/media/ab/abcdef.jpg "Thousands gathered on Sunday.")

				![](/media/ab/abcdef.jpg) ![Second](https://example.org/b.png)

				Inline ![](/media/ab/abcdef.jpg) image.
				""");
		var figure = doc.selectFirst("body > figure:not(.gallery)");
		var img = figure.selectFirst("img");
		assertThat(img.attr("srcset")).isEqualTo(PHOTO.srcset());
		assertThat(img.attr("sizes")).isEqualTo(Image.SIZES);
		assertThat(img.attr("width")).isEqualTo("2000");
		assertThat(img.attr("height")).isEqualTo("1000");
		assertThat(img.attr("alt")).isEqualTo("A protest in the square");
		assertThat(figure.select("figcaption").text()).isEqualTo("Thousands gathered on Sunday.");
		var gallery = doc.selectFirst("figure.gallery");
		assertThat(gallery.select("img").eachAttr("alt")).containsExactly("Library alt", "Second");
		assertThat(gallery.select("img").get(1).hasAttr("srcset")).isFalse();
		assertThat(doc.select("p img").attr("alt")).isEqualTo("Library alt");
	}

	@Test
	void importedHtmlKeepsTheBlocksAndRenderingItAgainGivesTheSameBody() {
		String html = renderer.render("""
				Text.

				> [!pullquote]
				> Words worth repeating.

				https://vimeo.com/76979871

				https://x.com/nasa/status/1234567890

				![One](https://example.org/1.png) ![Two](https://example.org/2.png)
				""");
		// Footnotes are not kept: imported, they are a list like any other.
		assertThat(renderer.render(ImportedHtml.toMarkdown(html)).replaceAll("\\s+", " "))
			.isEqualTo(html.replaceAll("\\s+", " "));
		var wordpress = Jsoup.parseBodyFragment(renderer.render(ImportedHtml.toMarkdown("""
				<figure class="wp-block-embed is-type-video"><div class="wp-block-embed__wrapper">
				https://youtu.be/dQw4w9WgXcQ
				</div></figure>
				<p>Before <iframe src="https://player.vimeo.com/video/1234"></iframe></p>
				<iframe src="https://tracker.example/x"></iframe>
				""")));
		assertThat(wordpress.select("figure.embed").eachAttr("data-embed-src"))
			.containsExactly("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
		assertThat(wordpress.text()).contains("Before https://vimeo.com/1234").doesNotContain("tracker.example");
	}

	@Test
	void theNewsroomRefusesBodyImagesWithoutAltText() {
		renderer.requireAlt("![A chart](/media/x.png) and <img src=\"/a.png\" alt=\"Described\">");
		assertThatThrownBy(() -> renderer.requireAlt("Text\n\n![](/media/ab/abcdef.jpg)\n"))
			.isInstanceOfSatisfying(InvalidArticle.class, ex -> {
				assertThat(ex.field()).isEqualTo("body");
				assertThat(ex.key()).isEqualTo("article.invalid.image-alt");
				assertThat(ex.arguments()).containsExactly("/media/ab/abcdef.jpg");
			});
		assertThatThrownBy(() -> renderer.requireAlt("<img src=\"https://example.org/x.png\">"))
			.isInstanceOf(InvalidArticle.class);
	}

}
