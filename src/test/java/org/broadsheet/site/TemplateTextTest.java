package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * UI text belongs in {@code messages.properties}: a template's own text (outside Java
 * expressions) and its human-readable attributes may hold only punctuation, symbols and
 * spaces.
 */
class TemplateTextTest {

	private static final Pattern NOT_WORDS = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s]*");

	private static final List<String> READABLE_ATTRIBUTES = List.of("alt", "title", "aria-label", "placeholder");

	@Test
	void templatesHoldNoHardCodedText() throws IOException {
		List<String> problems = new ArrayList<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/jte"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".jte")).toList()) {
				var html = Jsoup.parse(markupOnly(Files.readString(template)));
				for (var element : html.getAllElements()) {
					for (TextNode text : element.textNodes()) {
						if (!NOT_WORDS.matcher(text.text()).matches()) {
							problems.add(template + ": text \"" + text.text().strip() + "\"");
						}
					}
					for (String attribute : READABLE_ATTRIBUTES) {
						if (element.hasAttr(attribute) && !NOT_WORDS.matcher(element.attr(attribute)).matches()) {
							problems.add(template + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
						}
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theCheckFindsHardCodedText() {
		String template = "@param Foo page\n<p>${page.x()} Read more</p>@if(a(b)) <span title=\"Hi\">${\"y\"}</span>@endif";
		var html = Jsoup.parse(markupOnly(template));
		assertThat(html.text()).isEqualTo("Read more");
		assertThat(html.selectFirst("span").attr("title")).isEqualTo("Hi");
	}

	/**
	 * The template with its Java parts removed: {@code @import}/{@code @param} lines,
	 * expressions ({@code ${…}}, {@code $unsafe{…}}, {@code !{…}}) and directive
	 * arguments ({@code @if(…)}, {@code @template.x(…)}), keeping the markup of content
	 * blocks ({@code @`…`}) inside arguments.
	 */
	static String markupOnly(String template) {
		StringBuilder out = new StringBuilder();
		Deque<Integer> openParens = new ArrayDeque<>();
		int depth = 0;
		int i = 0;
		while (i < template.length()) {
			if (depth == 0) {
				if (template.startsWith("@import", i) || template.startsWith("@param", i)) {
					i = template.indexOf('\n', i) < 0 ? template.length() : template.indexOf('\n', i);
				}
				else if (template.startsWith("${", i) || template.startsWith("!{", i)
						|| template.startsWith("$unsafe{", i)) {
					i = skipBalanced(template, template.indexOf('{', i), '{', '}');
				}
				else if (template.charAt(i) == '@' && i + 1 < template.length()
						&& Character.isLetter(template.charAt(i + 1))) {
					int j = i + 1;
					while (j < template.length()
							&& (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '.')) {
						j++;
					}
					if (j < template.length() && template.charAt(j) == '(') {
						depth = 1;
						openParens.push(0);
						i = j + 1;
					}
					else {
						i = j;
					}
				}
				else if (template.charAt(i) == '`' && !openParens.isEmpty()) {
					depth = openParens.pop();
					i++;
				}
				else {
					out.append(template.charAt(i++));
				}
			}
			else {
				char c = template.charAt(i);
				if (c == '"') {
					i = skipString(template, i);
				}
				else if (template.startsWith("@`", i)) {
					openParens.push(depth);
					depth = 0;
					i += 2;
				}
				else {
					depth += c == '(' ? 1 : c == ')' ? -1 : 0;
					i++;
				}
			}
		}
		return out.toString();
	}

	private static int skipBalanced(String s, int open, char opening, char closing) {
		int depth = 0;
		for (int i = open; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '"') {
				i = skipString(s, i) - 1;
			}
			else if (c == opening) {
				depth++;
			}
			else if (c == closing && --depth == 0) {
				return i + 1;
			}
		}
		return s.length();
	}

	private static int skipString(String s, int quote) {
		for (int i = quote + 1; i < s.length(); i++) {
			if (s.charAt(i) == '\\') {
				i++;
			}
			else if (s.charAt(i) == '"') {
				return i + 1;
			}
		}
		return s.length();
	}

}
