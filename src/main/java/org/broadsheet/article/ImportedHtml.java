package org.broadsheet.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Article bodies that arrive as HTML (imports from other systems) stored as the
 * CommonMark Markdown Broadsheet keeps, so that they render exactly as that HTML once
 * sanitized.
 *
 * <p>
 * CommonMark passes raw HTML through only as "HTML blocks", which end at a blank line,
 * and it reads an indented line as code. So the HTML is first sanitized with the bodies'
 * safelist, then written one top-level block a line, each line starting with a block tag
 * ({@code
 *
<p>
 * }, {@code <figure>}, {@code <pre>}, …), blocks separated by a blank line. Line breaks
 * inside {@code <pre>} (and attribute values) become {@code &#10;}; elsewhere a line
 * break in HTML is only a space. Top-level inline content is wrapped in {@code
 *
<p>
 * }. Nothing in the result is read as Markdown, so {@code *}, {@code _} and {@code [}
 * stay as written.
 */
public final class ImportedHtml {

	/**
	 * Tags that start a CommonMark HTML block (spec 0.31, kinds 1 and 6) and that the
	 * safelist keeps.
	 */
	private static final Set<String> BLOCK_TAGS = Set.of("blockquote", "caption", "col", "colgroup", "dd", "div", "dl",
			"dt", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "table",
			"tbody", "td", "tfoot", "th", "thead", "tr", "ul");

	private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

	private ImportedHtml() {
	}

	/**
	 * @param html an HTML fragment (paragraphs already marked up; see the class comment);
	 * may be null
	 * @return the Markdown that the article renderer turns into the sanitized
	 * {@code html}; empty for none. Idempotent: HTML rendered from such Markdown gives
	 * the same Markdown again.
	 */
	public static String toMarkdown(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document clean = Jsoup
			.parseBodyFragment(Jsoup.clean(blocks(html), MarkdownRenderer.BASE_URI, MarkdownRenderer.SAFELIST, OUTPUT));
		clean.outputSettings(OUTPUT);
		List<String> blocks = new ArrayList<>();
		List<Node> inline = new ArrayList<>();
		for (Node node : new ArrayList<>(clean.body().childNodes())) {
			flattenLineBreaks(node);
			if (node instanceof Element element && BLOCK_TAGS.contains(element.normalName())) {
				flush(inline, blocks);
				blocks.add(oneLine(element.outerHtml()));
			}
			else {
				inline.add(node);
			}
		}
		flush(inline, blocks);
		return String.join("\n\n", blocks);
	}

	/**
	 * The blocks the sanitizer would lose, written the way the article renderer makes
	 * them again: an {@code <iframe>} of an allowed player, a WordPress block-editor
	 * embed or an embed Broadsheet rendered becomes its URL alone in a paragraph (other
	 * frames are dropped); a pull quote becomes the marked block quote.
	 */
	private static String blocks(String html) {
		Document document = Jsoup.parseBodyFragment(html);
		document.outputSettings(OUTPUT);
		for (Element frame : document.select("iframe")) {
			var url = Embeds.frameReplacement(frame.attr("src"));
			if (url.isEmpty()) {
				frame.remove();
			}
			else {
				replaceWithUrl(frame, url.get());
			}
		}
		for (Element embed : document.select("figure.wp-block-embed, figure.embed")) {
			Element link = embed.selectFirst("a[href]");
			String url = link != null ? link.attr("href") : embed.text().strip();
			if (Embeds.of(url).isPresent()) {
				replaceWithUrl(embed, url);
			}
		}
		for (Element gallery : document.select("body > figure.gallery")) {
			// A paragraph of images only is what the renderer makes a gallery of.
			gallery.tagName("p").removeAttr("class");
		}
		for (Element quote : document.select("aside.pull-quote > blockquote")) {
			Element first = quote.firstElementChild();
			if (first != null && first.nameIs("p")) {
				first.prependText(BodyBlocks.PULL_QUOTE + " ");
			}
			else {
				quote.prependElement("p").text(BodyBlocks.PULL_QUOTE);
			}
			quote.parent().replaceWith(quote);
		}
		return document.body().html();
	}

	/** A paragraph of the URL at the top level; the URL as text inside other blocks. */
	private static void replaceWithUrl(Element element, String url) {
		Element parent = element.parent();
		if (parent != null && parent.nameIs("body")) {
			element.replaceWith(new Element("p").text(url));
		}
		else {
			element.replaceWith(new TextNode(" " + url + " "));
		}
	}

	private static void flush(List<Node> inline, List<String> blocks) {
		StringBuilder run = new StringBuilder();
		inline.forEach(node -> run.append(node.outerHtml()));
		inline.clear();
		String text = oneLine(run.toString()).strip();
		if (!text.isEmpty()) {
			blocks.add("<p>" + text + "</p>");
		}
	}

	/**
	 * Line breaks outside {@code <pre>} are white space: a space keeps the meaning and
	 * the line.
	 */
	private static void flattenLineBreaks(Node node) {
		if (node instanceof TextNode text) {
			if (!inPre(text)) {
				text.text(text.getWholeText().replace("\r\n", " ").replace('\n', ' ').replace('\r', ' '));
			}
			return;
		}
		for (Node child : node.childNodes()) {
			flattenLineBreaks(child);
		}
	}

	private static boolean inPre(Node node) {
		for (Node parent = node.parentNode(); parent != null; parent = parent.parentNode()) {
			if (parent instanceof Element element && element.normalName().equals("pre")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The line breaks left (in {@code <pre>} text and attribute values) as character
	 * references.
	 */
	private static String oneLine(String html) {
		return html.replace("\r\n", "&#10;").replace("\n", "&#10;").replace("\r", "&#10;");
	}

}
