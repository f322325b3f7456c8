package org.broadsheet.comment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matching blocklist words as readers cannot dodge them: text compared in NFKC, lower case,
 * without invisible format characters (zero-width spaces, direction marks), and only as whole
 * words, so that "ass" does not match "class".
 */
final class Blocklist {

	private static final Pattern FORMAT = Pattern.compile("\\p{Cf}");

	private Blocklist() {
	}

	/** @return the text as compared: NFKC, lower case, format characters removed */
	static String normal(String text) {
		return FORMAT.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("").toLowerCase(Locale.ROOT);
	}

	/** @param normalText from {@link #normal} @param word a blocklist entry (one or more words) */
	static boolean contains(String normalText, String word) {
		String w = normal(word);
		return !w.isEmpty() && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}])")
			.matcher(normalText).find();
	}

}
