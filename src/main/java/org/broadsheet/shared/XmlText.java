package org.broadsheet.shared;

import java.util.regex.Pattern;

/**
 * Text made safe for XML 1.0 documents: feeds, sitemaps, WordPress exports (and JSON
 * feeds too).
 */
public final class XmlText {

	/**
	 * Characters XML 1.0 forbids (§2.2): C0 controls other than tab, newline and return;
	 * surrogates alone; U+FFFE/F.
	 */
	private static final Pattern FORBIDDEN = Pattern
		.compile("[^\\u0009\\u000A\\u000D\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

	private XmlText() {
	}

	/**
	 * @return {@code text} without the characters XML 1.0 forbids; null stays null
	 */
	public static String clean(String text) {
		return text == null ? null : FORBIDDEN.matcher(text).replaceAll("");
	}

}
