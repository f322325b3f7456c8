package org.broadsheet.article;

import java.util.List;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * CommonMark (with GFM tables) to HTML, then cleaned with a jsoup safelist: writers may use HTML
 * in Markdown, but no scripts, event handlers, styles or {@code javascript:} URLs survive.
 */
@Component
class MarkdownRenderer {

	private static final List<org.commonmark.Extension> EXTENSIONS = List.of(TablesExtension.create());

	private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

	private final Safelist safelist = Safelist.relaxed()
		.addTags("figure", "figcaption", "hr", "del", "ins", "s", "mark", "abbr", "cite")
		.addAttributes("abbr", "title")
		.addAttributes(":all", "lang", "dir")
		.preserveRelativeLinks(true);

	private final Document.OutputSettings output = new Document.OutputSettings().prettyPrint(false);

	/** @return sanitized HTML for the Markdown text; empty for empty text */
	String render(String markdown) {
		String html = renderer.render(parser.parse(markdown));
		// A base URI is needed to keep relative links; it never appears in the output.
		return Jsoup.clean(html, "https://base.invalid/", safelist, output);
	}

}
