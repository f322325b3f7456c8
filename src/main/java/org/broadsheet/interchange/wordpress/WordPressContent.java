package org.broadsheet.interchange.wordpress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeVisitor;

/**
 * WordPress post content to HTML with its paragraphs marked up, as WordPress shows it:
 * shortcodes first ({@code [caption]} becomes a {@code <figure>} with a
 * {@code <figcaption>}; any other shortcode stays as the text it is, and is reported),
 * then the {@code wpautop} rules (WordPress's {@code wp-includes/formatting.php}) applied
 * to the parsed document: a blank line separates paragraphs, a single line break is a
 * {@code <br>
 * }, block elements are never wrapped, {@code <pre>} is left alone. HTML comments
 * (block-editor markers, {@code <!--more-->}, {@code <!--nextpage-->}) are dropped, so a
 * paginated post shows as one page.
 */
final class WordPressContent {

	private static final Pattern CAPTION = Pattern.compile("(?is)\\[caption([^\\]]*)\\](.*?)\\[/caption\\]");

	private static final Pattern CAPTION_ATTRIBUTE = Pattern
		.compile("(?is)\\bcaption\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

	/** A leading image, possibly linked, in a caption shortcode's content. */
	private static final Pattern CAPTIONED_IMAGE = Pattern
		.compile("(?is)^\\s*((?:<a\\b[^>]*>\\s*)?<img\\b[^>]*>(?:\\s*</a>)?)(.*)$");

	/** An opening shortcode tag: {@code [name}, then a space, {@code /} or {@code ]}. */
	/** The attribute marking a gallery's place until the import fills it. */
	static final String GALLERY = "data-wp-gallery";

	private static final Pattern EMBED = Pattern.compile("(?is)\\[embed\\b[^\\]]*\\]\\s*([^\\s\\[<]+)\\s*\\[/embed\\]");

	private static final Pattern GALLERY_SHORTCODE = Pattern
		.compile("(?is)\\[gallery\\b[^\\]]*?\\bids\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')[^\\]]*\\]");

	private static final Pattern TRAILING_SPACE = Pattern.compile("[ \t]+\n");

	private static final Pattern EXTRA_BREAKS = Pattern.compile("\n{3,}");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern SHORTCODE = Pattern.compile("\\[([a-zA-Z][\\w-]*)(?=[\\s/\\]])[^\\]]*\\]");

	/**
	 * WordPress's block elements ({@code $allblocks} in wpautop), never wrapped in a
	 * paragraph.
	 */
	private static final Set<String> BLOCKS = Set.of("table", "thead", "tfoot", "caption", "col", "colgroup", "tbody",
			"tr", "td", "th", "div", "dl", "dd", "dt", "ul", "ol", "li", "pre", "form", "map", "area", "blockquote",
			"address", "math", "style", "script", "p", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "fieldset", "legend",
			"section", "article", "aside", "hgroup", "header", "footer", "nav", "figure", "figcaption", "details",
			"menu", "summary", "main", "textarea", "iframe", "object", "video", "audio");

	/** Containers whose loose text is always made paragraphs. */
	private static final Set<String> FLOW = Set.of("body", "div", "blockquote", "section", "article", "aside", "header",
			"footer", "main", "details", "nav");

	/** Containers whose text becomes paragraphs only when a blank line splits it. */
	private static final Set<String> FLOW_IF_SPLIT = Set.of("li", "dd", "td", "th");

	/** Left exactly as written. */
	private static final Set<String> VERBATIM = Set.of("pre", "script", "style", "textarea", "code");

	/** Elements whose own text is only the white space between their children. */
	private static final Set<String> STRUCTURE = Set.of("ul", "ol", "dl", "table", "thead", "tbody", "tfoot", "tr",
			"colgroup", "figure", "hgroup", "menu");

	private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\r\\f]*\\n");

	private WordPressContent() {
	}

	/**
	 * @param content the item's {@code content:encoded}
	 * @param shortcodes told the name of each shortcode left as text
	 * @return the HTML with paragraphs marked up (not yet sanitized)
	 */
	static String toHtml(String content, Consumer<String> shortcodes) {
		String html = galleries(embeds(captions(content == null ? "" : content.replace("\r\n", "\n"))));
		Matcher other = SHORTCODE.matcher(html);
		while (other.find()) {
			shortcodes.accept(other.group(1).toLowerCase(Locale.ROOT));
		}
		Document document = Jsoup.parseBodyFragment(html);
		document.outputSettings().prettyPrint(false);
		List<Node> comments = new ArrayList<>();
		document.body().traverse((node, depth) -> {
			if (node instanceof Comment) {
				comments.add(node);
			}
		});
		comments.forEach(Node::remove);
		paragraphs(document.body());
		return document.body().html();
	}

	/**
	 * {@code [caption]…[/caption]} →
	 * {@code <figure>image<figcaption>caption</figcaption></figure>}.
	 */
	static String captions(String content) {
		Matcher m = CAPTION.matcher(content);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			Matcher image = CAPTIONED_IMAGE.matcher(m.group(2));
			String figure;
			if (image.matches()) {
				String caption = image.group(2).strip();
				Matcher attribute = CAPTION_ATTRIBUTE.matcher(m.group(1));
				if (caption.isEmpty() && attribute.find()) {
					caption = attribute.group(2) != null ? attribute.group(2) : attribute.group(3);
				}
				figure = "\n\n<figure>" + image.group(1)
						+ (caption.isEmpty() ? "" : "<figcaption>" + caption + "</figcaption>") + "</figure>\n\n";
			}
			else {
				figure = m.group(2);
			}
			m.appendReplacement(out, Matcher.quoteReplacement(figure));
		}
		m.appendTail(out);
		return out.toString();
	}

	/**
	 * {@code [embed]URL[/embed]} → the URL alone in its paragraph, which the article
	 * renderer makes an embed when its provider is allowed (a link otherwise).
	 */
	static String embeds(String content) {
		return EMBED.matcher(content)
			.replaceAll(m -> Matcher.quoteReplacement("\n\n<p>" + m.group(1).strip() + "</p>\n\n"));
	}

	/**
	 * {@code [gallery ids="1,2,3"]} → a paragraph marked with {@link #GALLERY} that the
	 * import fills with the attachments' images ({@link WordPressMedia#bodyImages}); a
	 * gallery without ids (the post's own attachments) stays text and is reported.
	 */
	static String galleries(String content) {
		return GALLERY_SHORTCODE.matcher(content)
			.replaceAll(m -> Matcher.quoteReplacement("\n\n<p " + GALLERY + "=\""
					+ (m.group(1) != null ? m.group(1) : m.group(2)).replaceAll("[^\\d,]", "") + "\"></p>\n\n"));
	}

	private static void paragraphs(Element container) {
		String name = container.normalName();
		if (VERBATIM.contains(name)) {
			return;
		}
		boolean flow = FLOW.contains(name);
		boolean flowIfSplit = FLOW_IF_SPLIT.contains(name);
		if (!flow && !flowIfSplit) {
			// Phrasing blocks (p, headings, figcaption, …) and structure (ul, table,
			// figure, …).
			for (Node child : new ArrayList<>(container.childNodes())) {
				if (child instanceof Element element) {
					paragraphs(element);
				}
				else if (child instanceof TextNode text && !isStructure(name)) {
					lineBreaks(text);
				}
			}
			return;
		}
		List<Node> run = new ArrayList<>();
		for (Node child : new ArrayList<>(container.childNodes())) {
			if (child instanceof Element element && BLOCKS.contains(element.normalName())) {
				wrap(run, flow);
				paragraphs(element);
			}
			else {
				run.add(child);
			}
		}
		wrap(run, flow);
	}

	private static boolean isStructure(String name) {
		return STRUCTURE.contains(name);
	}

	/**
	 * Splits a run of inline nodes at blank lines into paragraphs; single line breaks
	 * become {@code <br>
	 * }.
	 */
	private static void wrap(List<Node> run, boolean always) {
		if (run.isEmpty()) {
			return;
		}
		List<List<Node>> paragraphs = new ArrayList<>();
		paragraphs.add(new ArrayList<>());
		for (Node node : run) {
			if (node instanceof TextNode text) {
				String[] parts = BLANK_LINE.split(text.getWholeText(), -1);
				if (parts.length == 1) {
					paragraphs.get(paragraphs.size() - 1).add(node);
					continue;
				}
				for (int i = 0; i < parts.length; i++) {
					if (i > 0) {
						paragraphs.add(new ArrayList<>());
					}
					TextNode part = new TextNode(parts[i]);
					node.before(part);
					paragraphs.get(paragraphs.size() - 1).add(part);
				}
				node.remove();
			}
			else {
				paragraphs.get(paragraphs.size() - 1).add(node);
			}
		}
		run.clear();
		boolean makeParagraphs = always || paragraphs.size() > 1;
		for (List<Node> paragraph : paragraphs) {
			trim(paragraph);
			if (paragraph.isEmpty()) {
				continue;
			}
			List<Node> nodes = paragraph;
			if (makeParagraphs) {
				Element p = new Element("p");
				paragraph.get(0).before(p);
				paragraph.forEach(p::appendChild);
				nodes = new ArrayList<>(p.childNodes());
			}
			for (Node node : nodes) {
				if (node instanceof TextNode text) {
					lineBreaks(text);
				}
				else if (node instanceof Element element) {
					paragraphs(element);
				}
			}
		}
	}

	/**
	 * Drops white space at both ends of a paragraph (removing nodes that are only white
	 * space).
	 */
	private static void trim(List<Node> paragraph) {
		while (!paragraph.isEmpty() && paragraph.get(0) instanceof TextNode t && t.getWholeText().isBlank()) {
			paragraph.remove(0).remove();
		}
		while (!paragraph.isEmpty() && paragraph.get(paragraph.size() - 1) instanceof TextNode t
				&& t.getWholeText().isBlank()) {
			paragraph.remove(paragraph.size() - 1).remove();
		}
		if (!paragraph.isEmpty() && paragraph.get(0) instanceof TextNode first) {
			first.text(first.getWholeText().stripLeading());
		}
		if (!paragraph.isEmpty() && paragraph.get(paragraph.size() - 1) instanceof TextNode last) {
			last.text(last.getWholeText().stripTrailing());
		}
	}

	/**
	 * A line break inside text is a {@code <br>
	 * }, unless a {@code <br>
	 * } is already there.
	 */
	private static void lineBreaks(TextNode text) {
		String whole = text.getWholeText();
		if (whole.indexOf('\n') < 0) {
			return;
		}
		if (whole.isBlank()) {
			text.text(" ");
			return;
		}
		String[] lines = whole.split("\n", -1);
		Node previous = text.previousSibling();
		boolean afterBreak = previous instanceof Element e && e.normalName().equals("br");
		List<Node> replacement = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			if (i > 0 && !(i == 1 && afterBreak && lines[0].isBlank())) {
				replacement.add(new Element("br"));
			}
			if (!lines[i].isEmpty()) {
				replacement.add(new TextNode(lines[i]));
			}
		}
		replacement.forEach(text::before);
		text.remove();
	}

	/**
	 * A comment's HTML as the plain text Broadsheet keeps: paragraphs separated by a
	 * blank line, line breaks kept, markup dropped, entities decoded once.
	 */
	static String plainText(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document document = Jsoup.parseBodyFragment(html.replace("\r\n", "\n"));
		StringBuilder text = new StringBuilder();
		document.body().traverse(new NodeVisitor() {
			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode t) {
					text.append(t.getWholeText());
				}
				else if (node instanceof Element e && e.normalName().equals("br")) {
					text.append('\n');
				}
				else if (node instanceof Element e && depth > 0 && BLOCKS.contains(e.normalName())) {
					text.append("\n\n");
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element e && depth > 0 && BLOCKS.contains(e.normalName())) {
					text.append("\n\n");
				}
			}
		});
		return EXTRA_BREAKS.matcher(TRAILING_SPACE.matcher(text).replaceAll("\n")).replaceAll("\n\n").strip();
	}

	/**
	 * A title or name as plain text: markup dropped, entities decoded once, spaces
	 * collapsed.
	 */
	static String plainLine(String html) {
		if (html == null) {
			return "";
		}
		if (html.indexOf('<') < 0) {
			return SPACES.matcher(Parser.unescapeEntities(html, false)).replaceAll(" ").strip();
		}
		return Jsoup.parseBodyFragment(html).body().text().strip();
	}

}
