package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkSpan;
import org.nibor.autolink.LinkType;

/**
 * A comment's plain text cut into what a template prints: paragraphs (at blank lines) of
 * text, line breaks and links. Only http, https and {@code www.} addresses become links;
 * everything is printed through the template's escaping, so no markup a reader types is
 * ever interpreted.
 */
public final class CommentText {

	private static final LinkExtractor LINKS = LinkExtractor.builder()
		.linkTypes(EnumSet.of(LinkType.URL, LinkType.WWW))
		.build();

	private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R\\s*\\R");

	private static final Pattern LINE_BREAK = Pattern.compile("\\R");

	/**
	 * One piece of a paragraph.
	 *
	 * @param text what to print (escaped by the template)
	 * @param href a link's http(s) address, or null for plain text
	 * @param lineBreak a line break ({@code text} empty)
	 */
	public record Segment(String text, String href, boolean lineBreak) {
	}

	private CommentText() {
	}

	/**
	 * @return the paragraphs of {@code body}, each a list of segments
	 */
	public static List<List<Segment>> paragraphs(String body) {
		List<List<Segment>> paragraphs = new ArrayList<>();
		for (String paragraph : PARAGRAPH_BREAK.split(body.strip())) {
			if (paragraph.isBlank()) {
				continue;
			}
			List<Segment> segments = new ArrayList<>();
			String[] lines = LINE_BREAK.split(paragraph.strip());
			for (int i = 0; i < lines.length; i++) {
				if (i > 0) {
					segments.add(new Segment("", null, true));
				}
				line(lines[i], segments);
			}
			paragraphs.add(segments);
		}
		return paragraphs;
	}

	/**
	 * @return how many http, https and www addresses the text holds
	 */
	public static int linkCount(String text) {
		int count = 0;
		for (LinkSpan span : LINKS.extractLinks(text)) {
			if (href(text.substring(span.getBeginIndex(), span.getEndIndex()), span.getType()) != null) {
				count++;
			}
		}
		return count;
	}

	private static void line(String line, List<Segment> segments) {
		for (var span : LINKS.extractSpans(line)) {
			String text = line.substring(span.getBeginIndex(), span.getEndIndex());
			String href = span instanceof LinkSpan link ? href(text, link.getType()) : null;
			segments.add(new Segment(text, href, false));
		}
	}

	private static String href(String text, LinkType type) {
		if (type == LinkType.WWW) {
			return "https://" + text;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		return lower.startsWith("http://") || lower.startsWith("https://") ? text : null;
	}

}
