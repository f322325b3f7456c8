package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

	private final MarkdownRenderer renderer = new MarkdownRenderer();

	@Test
	void aStrayRawTextTagNeverSwallowsTheRestOfTheArticle() {
		String html = renderer.render("""
				Writers can add CSS with the <style> element.

				Second paragraph.

				<script>alert(1)</script>

				Third paragraph with <textarea> and <title> and <xmp>.

				Last paragraph.
				""");
		var doc = Jsoup.parse(html);
		assertThat(doc.select("p").eachText()).containsExactly("Writers can add CSS with the <style> element.",
				"Second paragraph.", "<script>alert(1)</script>",
				"Third paragraph with <textarea> and <title> and <xmp>.", "Last paragraph.");
		assertThat(doc.select("script, style, textarea, title, xmp")).isEmpty();
	}

	@Test
	void keepsSafeHtmlAndRemovesTheRest() {
		String html = renderer.render("""
				A <em>safe</em> word, <a href="javascript:alert(1)">a bad link</a>, <a href="/relative">a good one</a>
				and <img src="https://example.org/x.png" onerror="alert(1)" alt="x">.

				<figure><img src="/media/a.jpg" alt="A"><figcaption>Caption</figcaption></figure>

				<div style="color:red" onclick="alert(1)">Styled</div>
				""");
		var doc = Jsoup.parse(html);
		assertThat(doc.select("em").text()).isEqualTo("safe");
		assertThat(doc.select("a[href]").eachAttr("href")).containsExactly("/relative");
		assertThat(doc.select("figure figcaption").text()).isEqualTo("Caption");
		assertThat(html).doesNotContain("javascript:", "onerror", "onclick", "style=");
	}

	@Test
	void codeShowsTagsAsWritten() {
		var doc = Jsoup.parse(renderer.render("Use `<script>` here.\n\n```\n<style>p{}</style>\n```\n"));
		assertThat(doc.select("code").eachText()).containsExactly("<script>", "<style>p{}</style>");
	}

}
