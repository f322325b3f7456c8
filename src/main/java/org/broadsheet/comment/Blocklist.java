package org.broadsheet.comment;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The blocklist as readers cannot dodge it: text compared in NFKC, lower case, without
 * invisible format characters (zero-width spaces, direction marks), and only whole words,
 * so that "ass" does not match "class". The words are compiled once into one pattern.
 */
final class Blocklist {

	private static final Pattern FORMAT = Pattern.compile("\\p{Cf}");

	/** Matches any blocked word or phrase; null for an empty blocklist. */
	private final Pattern words;

	/**
	 * @param words words or phrases, any case
	 */
	Blocklist(List<String> words) {
		String alternatives = words.stream()
			.map(Blocklist::normal)
			.filter(w -> !w.isBlank())
			.map(Pattern::quote)
			.collect(Collectors.joining("|"));
		this.words = alternatives.isEmpty() ? null
				: Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
	}

	/**
	 * @return whether any of the texts holds a blocked word
	 */
	boolean matches(String... texts) {
		if (words == null) {
			return false;
		}
		for (String text : texts) {
			if (text != null && words.matcher(normal(text)).find()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @return the text as compared: NFKC, lower case, format characters removed
	 */
	private static String normal(String text) {
		return FORMAT.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("").toLowerCase(Locale.ROOT);
	}

}
