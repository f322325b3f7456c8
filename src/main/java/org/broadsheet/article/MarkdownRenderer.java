package org.broadsheet.article;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.broadsheet.media.Image;
import org.broadsheet.media.MediaLibrary;
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
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * CommonMark (with GFM tables and {@link Footnotes}) to HTML, then cleaned with a jsoup
 * safelist: writers may use HTML in Markdown, but no scripts, event handlers, styles or
 * {@code javascript:} URLs survive. Then the sanitized body gets its blocks
 * ({@link BodyBlocks}: embeds, pull quotes, galleries, library images with
 * {@code srcset}) and its footnotes, built by us after cleaning. An {@code <iframe>} of
 * an allowed player ({@link Embeds}) becomes that player's embed; any other is dropped.
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

	private static final Pattern IFRAME_SRC = Pattern
		.compile("(?is)<\\s*iframe\\b[^>]*?\\bsrc\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");

	private static final Pattern IFRAME_TAG = Pattern.compile("(?is)<\\s*/?\\s*iframe\\b[^>]*>");

	/**
	 * Replaces raw HTML iframes with their player's URL (or nothing), and raw HTML that
	 * opens or closes a raw-text element with plain text.
	 */
	private static final class RawHtml extends AbstractVisitor {

		@Override
		public void visit(HtmlInline inline) {
			String literal = inline.getLiteral();
			if (IFRAME_TAG.matcher(literal).matches()) {
				frameUrl(literal).ifPresent(url -> inline.insertBefore(new Text(url)));
				inline.unlink();
			}
			else if (RAW_TEXT_TAG.matcher(literal).find()) {
				inline.insertBefore(new Text(literal));
				inline.unlink();
			}
		}

		@Override
		public void visit(HtmlBlock block) {
			String literal = block.getLiteral();
			if (IFRAME_TAG.matcher(literal).find()) {
				Matcher frames = IFRAME_TAG.matcher(literal);
				StringBuilder rest = new StringBuilder();
				while (frames.find()) {
					String url = frameUrl(frames.group()).orElse("");
					frames.appendReplacement(rest, Matcher.quoteReplacement(url.isEmpty() ? "" : "\n" + url + "\n"));
				}
				frames.appendTail(rest);
				literal = rest.toString();
				// What is left around the frames (a wrapper, a URL) is read as the
				// writer's
				// HTML or text.
				for (String part : literal.split("\n")) {
					if (part.isBlank()) {
						continue;
					}
					boolean html = part.strip().startsWith("<") && !RAW_TEXT_TAG.matcher(part).find();
					if (html) {
						var raw = new HtmlBlock();
						raw.setLiteral(part);
						block.insertBefore(raw);
					}
					else {
						var paragraph = new Paragraph();
						paragraph.appendChild(new Text(part.strip()));
						block.insertBefore(paragraph);
					}
				}
				block.unlink();
			}
			else if (RAW_TEXT_TAG.matcher(literal).find()) {
				var paragraph = new Paragraph();
				paragraph.appendChild(new Text(literal.strip()));
				block.insertBefore(paragraph);
				block.unlink();
			}
		}

		private static Optional<String> frameUrl(String tag) {
			Matcher src = IFRAME_SRC.matcher(tag);
			if (!src.find()) {
				return Optional.empty();
			}
			String url = src.group(1) != null ? src.group(1) : src.group(2) != null ? src.group(2) : src.group(3);
			return Embeds.frameReplacement(Jsoup.parse(url).text());
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

	/** Library images by their URL ({@code /media/…}); unknown URLs are left out. */
	private final Function<Collection<String>, Map<String, Image>> library;

	@Autowired
	MarkdownRenderer(MediaLibrary media) {
		this(media::byUrls);
	}

	MarkdownRenderer(Function<Collection<String>, Map<String, Image>> library) {
		this.library = library;
	}

	/** Without a media library: no image gets a {@code srcset}. */
	MarkdownRenderer() {
		this(urls -> Map.of());
	}

	/**
	 * @return sanitized HTML for the Markdown text; empty for empty text
	 */
	String render(String markdown) {
		Footnotes footnotes = Footnotes.extract(Footnotes.strip(markdown));
		Document body = clean(footnotes.body(), footnotes);
		BodyBlocks.apply(body.body(), library);
		footnotes.place(body.body(), note -> clean(Footnotes.strip(note), null).body().html());
		return body.body().html();
	}

	/**
	 * @throws InvalidArticle on the field {@code body}, naming the first image (its URL)
	 * that has no alt text
	 */
	void requireAlt(String markdown) {
		Footnotes footnotes = Footnotes.extract(Footnotes.strip(markdown == null ? "" : markdown));
		List<String> missing = BodyBlocks.withoutAlt(clean(footnotes.body(), null).body());
		if (!missing.isEmpty()) {
			throw new InvalidArticle("body", "article.invalid.image-alt", missing.get(0));
		}
	}

	private Document clean(String markdown, Footnotes footnotes) {
		Node document = parser.parse(markdown);
		document.accept(new RawHtml());
		if (footnotes != null) {
			footnotes.markReferences(document);
		}
		Document clean = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(renderer.render(document), BASE_URI));
		clean.outputSettings(output);
		return clean;
	}

}
