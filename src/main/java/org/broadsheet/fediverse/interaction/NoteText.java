package org.broadsheet.fediverse.interaction;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * A Note's {@code content} (HTML written elsewhere) as a comment's plain text: the text,
 * paragraphs as blank lines, {@code <br>
 * } as line breaks, and links kept as their addresses (a link whose text is its address,
 * shortened as Mastodon shows it, becomes the full address; a mention or hashtag keeps
 * its text; another link is its text followed by the address in brackets). Nothing else
 * of the markup survives; the comment templates escape the text and turn the addresses
 * into {@code rel="nofollow ugc"} links, so no markup a remote server sends is ever
 * interpreted.
 */
final class NoteText {

	private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

	private NoteText() {
	}

	/**
	 * @param html the Note's {@code content}, or null
	 * @return plain text, stripped; empty for null
	 */
	static String of(String html) {
		if (html == null) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		NodeTraversor.traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode t && !insideLink(t)) {
					text.append(t.getWholeText());
				}
				else if (node instanceof Element e && e.nameIs("br")) {
					text.append('\n');
				}
				else if (node instanceof Element e && e.nameIs("a")) {
					text.append(link(e));
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element e && (e.nameIs("p") || e.nameIs("blockquote") || e.nameIs("li"))) {
					text.append("\n\n");
				}
			}

		}, Jsoup.parseBodyFragment(html).body());
		return BLANK_LINES.matcher(text.toString()).replaceAll("\n\n").strip();
	}

	private static boolean insideLink(Node node) {
		for (Node parent = node.parent(); parent != null; parent = parent.parent()) {
			if (parent instanceof Element e && e.nameIs("a")) {
				return true;
			}
		}
		return false;
	}

	private static String link(Element a) {
		String label = a.text().strip();
		String href = a.attr("href").strip();
		String lower = href.toLowerCase(Locale.ROOT);
		if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
			return label;
		}
		if (label.startsWith("@") || label.startsWith("#") || a.hasClass("mention") || a.hasClass("hashtag")) {
			return label;
		}
		String bare = label.replaceFirst("(?i)^https?://", "").replaceFirst("…$", "");
		if (label.isEmpty() || href.replaceFirst("(?i)^https?://", "").startsWith(bare)) {
			return href;
		}
		return label + " (" + href + ")";
	}

}
