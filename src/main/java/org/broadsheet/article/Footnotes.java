package org.broadsheet.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Footnotes in the syntax of GitHub, Pandoc and commonmark's footnotes extension: a
 * reference {@code [^label]} in the text and, anywhere on its own lines, the note
 * {@code [^label]: text}, continued by the lines below it (indented by four spaces after
 * a blank line). Notes are numbered by their first reference; a note never referred to is
 * left out; a reference to no note stays as typed.
 *
 * <p>
 * The references and the list of notes are built after the body has been sanitized: the
 * parser leaves only a marker (two private-use characters that writers' text cannot hold,
 * {@link #strip}), so the ids and roles they carry are never allowed to writers' HTML.
 * Markup: {@code <sup class="footnote-ref"><a href="#fn-1" id="fnref-1"
 * role="doc-noteref">1</a></sup>} and, at the end, {@code <section class="footnotes"
 * role="doc-endnotes">
<ol>
<li id="fn-1" role="doc-endnote">… <a href="#fnref-1"
 * role="doc-backlink">↩</a></li>
</ol>
</section>}; the DPUB-ARIA roles tell screen readers what the links are in the reader's
 * own language. An article page holds one body, so the ids are unique on it.
 */
final class Footnotes {

	private static final char OPEN = '\uE000';

	private static final char CLOSE = '\uE001';

	private static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[\\^([^\\]\\s]{1,100})\\]:[ \\t]?(.*)$");

	private static final Pattern REFERENCE = Pattern.compile("\\[\\^([^\\]\\s]{1,100})\\]");

	private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

	private static final Pattern MARKER = Pattern.compile(OPEN + "(\\d+)" + CLOSE);

	/** The notes' texts (Markdown) by label, lower case; the body without them. */
	private final Map<String, String> definitions = new HashMap<>();

	/** Label → number, in the order of first reference. */
	private final Map<String, Integer> numbers = new LinkedHashMap<>();

	private final String body;

	private Footnotes(String body) {
		this.body = body;
	}

	/**
	 * @return the text without the two marker characters
	 */
	static String strip(String markdown) {
		return markdown.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
	}

	/**
	 * Takes the notes out of a body (outside fenced code).
	 * @param markdown already {@link #strip stripped}
	 */
	static Footnotes extract(String markdown) {
		List<String> kept = new ArrayList<>();
		Map<String, StringBuilder> notes = new LinkedHashMap<>();
		StringBuilder note = null;
		boolean blankBefore = false;
		String fence = null;
		for (String line : markdown.split("\r\n|\r|\n", -1)) {
			Matcher fenceLine = FENCE.matcher(line);
			if (note == null && fence != null) {
				if (fenceLine.find() && fenceLine.group(1).charAt(0) == fence.charAt(0)
						&& fenceLine.group(1).length() >= fence.length() && line.strip().matches("[`~]+")) {
					fence = null;
				}
				kept.add(line);
				continue;
			}
			Matcher definition = DEFINITION.matcher(line);
			if (definition.matches()) {
				note = notes.computeIfAbsent(definition.group(1).toLowerCase(Locale.ROOT), k -> new StringBuilder());
				note.append(definition.group(2)).append('\n');
				blankBefore = false;
				continue;
			}
			if (note != null) {
				boolean blank = line.isBlank();
				boolean indented = line.startsWith("    ") || line.startsWith("\t");
				if (blank) {
					note.append('\n');
					blankBefore = true;
					continue;
				}
				if (indented || !blankBefore) {
					note.append(indented ? line.substring(line.startsWith("\t") ? 1 : 4) : line).append('\n');
					blankBefore = false;
					continue;
				}
				note = null;
			}
			if (fenceLine.find()) {
				fence = fenceLine.group(1);
			}
			kept.add(line);
		}
		var footnotes = new Footnotes(String.join("\n", kept));
		notes.forEach((label, text) -> footnotes.definitions.put(label, text.toString().strip()));
		return footnotes;
	}

	/**
	 * @return the body without its notes
	 */
	String body() {
		return body;
	}

	/**
	 * Replaces each reference to a known note in the parsed body's text (never in code)
	 * with a marker, numbering the notes.
	 */
	void markReferences(Node document) {
		if (definitions.isEmpty()) {
			return;
		}
		document.accept(new AbstractVisitor() {
			@Override
			public void visit(Text text) {
				Matcher m = REFERENCE.matcher(text.getLiteral());
				StringBuilder out = new StringBuilder();
				boolean found = false;
				while (m.find()) {
					String label = m.group(1).toLowerCase(Locale.ROOT);
					if (definitions.containsKey(label)) {
						int number = numbers.computeIfAbsent(label, l -> numbers.size() + 1);
						m.appendReplacement(out, Matcher.quoteReplacement(OPEN + Integer.toString(number) + CLOSE));
						found = true;
					}
				}
				if (found) {
					m.appendTail(out);
					text.setLiteral(out.toString());
				}
			}
		});
	}

	/**
	 * Turns the markers in the sanitized body into reference links and appends the notes.
	 * @param body the sanitized body
	 * @param render renders a note's Markdown to sanitized HTML
	 */
	void place(Element body, Function<String, String> render) {
		if (numbers.isEmpty()) {
			return;
		}
		Map<Integer, List<String>> references = new HashMap<>();
		for (TextNode text : allText(body)) {
			String value = text.getWholeText();
			Matcher m = MARKER.matcher(value);
			if (!m.find()) {
				continue;
			}
			int start = 0;
			m.reset();
			while (m.find()) {
				text.before(new TextNode(value.substring(start, m.start())));
				int number = Integer.parseInt(m.group(1));
				List<String> ids = references.computeIfAbsent(number, n -> new ArrayList<>());
				String id = "fnref-" + number + (ids.isEmpty() ? "" : "-" + (ids.size() + 1));
				ids.add(id);
				var sup = new Element("sup").addClass("footnote-ref");
				sup.appendElement("a")
					.attr("href", "#fn-" + number)
					.attr("id", id)
					.attr("role", "doc-noteref")
					.text(Integer.toString(number));
				text.before(sup);
				start = m.end();
			}
			text.text(value.substring(start));
		}
		var list = new Element("ol");
		numbers.forEach((label, number) -> {
			var item = list.appendElement("li").attr("id", "fn-" + number).attr("role", "doc-endnote");
			item.append(render.apply(definitions.get(label)));
			Element last = item.children().isEmpty() || !item.child(item.childrenSize() - 1).nameIs("p") ? item
					: item.child(item.childrenSize() - 1);
			for (String id : references.getOrDefault(number, List.of())) {
				last.appendText(" ");
				last.appendElement("a")
					.attr("href", "#" + id)
					.addClass("footnote-backref")
					.attr("role", "doc-backlink")
					.text("\u21A9\uFE0E");
			}
		});
		body.appendElement("section").addClass("footnotes").attr("role", "doc-endnotes").appendChild(list);
	}

	private static List<TextNode> allText(Element body) {
		List<TextNode> texts = new ArrayList<>();
		body.traverse((node, depth) -> {
			if (node instanceof TextNode text && text.getWholeText().indexOf(OPEN) >= 0) {
				texts.add(text);
			}
		});
		return texts;
	}

}
