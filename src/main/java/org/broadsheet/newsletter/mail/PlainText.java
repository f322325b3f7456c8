package org.broadsheet.newsletter.mail;

import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text alternative of a body made by {@link MailHtml}: one paragraph per block
 * with a blank line between, list items with a dash, a link as its text followed by its
 * URL in angle brackets (the URL alone when the text is the URL), an image as its alt
 * text in brackets.
 */
final class PlainText {

	private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
			"figure", "figcaption", "pre", "ul", "ol", "li", "table", "tr", "hr", "dl", "dt", "dd");

	private PlainText() {
	}

	/**
	 * @return the text of {@code html}, blocks separated by a blank line, without leading
	 * or trailing blank lines
	 */
	static String of(String html) {
		var out = new StringBuilder();
		Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode text) {
					boolean pre = text.parent() != null && ((Element) text.parent()).closest("pre") != null;
					String words = pre ? text.getWholeText() : text.text();
					if (!pre && (out.isEmpty() || out.charAt(out.length() - 1) == '\n')) {
						words = words.stripLeading();
					}
					out.append(words);
				}
				else if (node instanceof Element element) {
					String name = element.normalName();
					if (BLOCKS.contains(name)) {
						breakLine(out, !name.equals("li") && !name.equals("tr") && !name.equals("figcaption"));
					}
					if (name.equals("li")) {
						out.append("- ");
					}
					else if (name.equals("br")) {
						out.append('\n');
					}
					else if (name.equals("hr")) {
						out.append("----");
					}
					else if (name.equals("img") && !element.attr("alt").isBlank()) {
						out.append('[').append(element.attr("alt")).append(']');
					}
					else if ((name.equals("td") || name.equals("th")) && element.elementSiblingIndex() > 0) {
						out.append(" | ");
					}
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element block && BLOCKS.contains(block.normalName())) {
					breakLine(out, !block.normalName().equals("li") && !block.normalName().equals("tr")
							&& !block.normalName().equals("figcaption"));
				}
				else if (node instanceof Element element && element.normalName().equals("a")) {
					String href = element.attr("href");
					if (!href.isEmpty() && !href.equals(element.text().strip())) {
						out.append(" <").append(href).append('>');
					}
				}
			}

		});
		return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

	/** Ends the line (and leaves a blank one before a paragraph), unless already done. */
	private static void breakLine(StringBuilder out, boolean blank) {
		if (out.isEmpty()) {
			return;
		}
		if (out.charAt(out.length() - 1) != '\n') {
			out.append('\n');
		}
		if (blank && (out.length() < 2 || out.charAt(out.length() - 2) != '\n')) {
			out.append('\n');
		}
	}

}
