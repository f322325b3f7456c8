package org.broadsheet.article;

import java.util.List;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * CommonMark (with GFM tables) to HTML, then cleaned with a jsoup safelist: writers may
 * use HTML in Markdown, but no scripts, event handlers, styles or {@code javascript:}
 * URLs survive.
 */
@Component
class MarkdownRenderer {

	private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

	/** What article bodies may hold after rendering (also {@link ImportedHtml}'s). */
	static final Safelist SAFELIST = Safelist.relaxed()
		.addTags("figure", "figcaption", "hr", "del", "ins", "s", "mark", "abbr", "cite")
		.addAttributes("abbr", "title")
		.addAttributes(":all", "lang", "dir")
		.preserveRelativeLinks(true);

	/** Replaces raw HTML that opens or closes a raw-text element with plain text. */
	private static final class RawTextTagsAsText extends AbstractVisitor {

		@Override
		public void visit(HtmlInline inline) {
			if (RAW_TEXT_TAG.matcher(inline.getLiteral()).find()) {
				inline.insertBefore(new Text(inline.getLiteral()));
				inline.unlink();
			}
		}

		@Override
		public void visit(HtmlBlock block) {
			if (RAW_TEXT_TAG.matcher(block.getLiteral()).find()) {
				var paragraph = new Paragraph();
				paragraph.appendChild(new Text(block.getLiteral().strip()));
				block.insertBefore(paragraph);
				block.unlink();
			}
		}

	}

	/** A base URI is needed to keep relative links; it never appears in the output. */
	static final String BASE_URI = "https://base.invalid/";

	private final Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);

	/**
	 * Elements whose content HTML parsers read as raw text up to the closing tag: passed
	 * through, one stray {@code <style>} in a sentence would swallow the rest of the
	 * article, and the sanitizer would then delete it. Such tags are shown as the text
	 * the writer typed.
	 */
	private static final Pattern RAW_TEXT_TAG = Pattern.compile(
			"(?i)<\\s*/?\\s*(script|style|textarea|title|xmp|iframe|noscript|noembed|noframes|plaintext|template|math|svg|object|embed)\\b");

	/**
	 * @return sanitized HTML for the Markdown text; empty for empty text
	 */
	String render(String markdown) {
		Node document = parser.parse(markdown);
		document.accept(new RawTextTagsAsText());
		String html = renderer.render(document);
		return Jsoup.clean(html, BASE_URI, SAFELIST, output);
	}

}
