package org.broadsheet.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import com.ibm.icu.text.Transliterator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes URL slugs that keep the writer's script: Unicode NFC, lower case, letters, marks
 * and digits of any script joined by single hyphens, at most {@value #MAX_LENGTH} code
 * points (cut at a word boundary). Different names can share a slug: see
 * {@link SlugClaim}. Slugs never contain dots or slashes, so they never clash with file
 * names or paths. With {@code broadsheet.slugs.transliterate=true} they are
 * transliterated to ASCII (ICU {@code Any-Latin; Latin-ASCII}). Callers percent-encode
 * slugs on the wire (RFC 3986).
 */
@Component
public class Slugger {

	static final int MAX_LENGTH = 80;

	/**
	 * Dropped without a trace: apostrophes, and the joiners that live inside words (ZWNJ,
	 * ZWJ, WJ, BOM).
	 */
	private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ`\u200C\u200D\u2060\uFEFF]");

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

	private final Transliterator toAscii;

	/**
	 * @param transliterate {@code broadsheet.slugs.transliterate}: ASCII slugs (ICU4J
	 * transliteration) instead of the writer's script
	 */
	public Slugger(@Value("${broadsheet.slugs.transliterate:false}") boolean transliterate) {
		this.toAscii = transliterate ? Transliterator.getInstance("Any-Latin; Latin-ASCII") : null;
	}

	/**
	 * @param text any text, usually a title or a name; may be null
	 * @return the slug of {@code text}, or the empty string when it has no letters or
	 * digits (emoji- or punctuation-only text)
	 */
	public String slugify(String text) {
		if (text == null) {
			return "";
		}
		String s = Normalizer.normalize(text, Normalizer.Form.NFC);
		if (toAscii != null) {
			s = toAscii.transliterate(s);
		}
		// Lower-casing "İ" gives "i" + U+0307; the dot is already part of "i".
		s = APOSTROPHES.matcher(s.toLowerCase(Locale.ROOT).replace("i\u0307", "i")).replaceAll("");
		s = SEPARATORS.matcher(s).replaceAll("-");
		s = trimHyphens(s);
		if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
			s = s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH + 1));
			int lastBreak = s.lastIndexOf('-');
			// Cut at the last whole word, unless that would throw away more than half.
			s = trimHyphens(lastBreak > s.length() / 2 ? s.substring(0, lastBreak)
					: s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH)));
		}
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}

	/**
	 * @return the slug of {@code text}, or {@code fallback} when that would be empty;
	 * never empty as long as {@code fallback} is not
	 */
	public String slugify(String text, String fallback) {
		String slug = slugify(text);
		return slug.isEmpty() ? fallback : slug;
	}

	private static String trimHyphens(String s) {
		int start = 0;
		int end = s.length();
		while (start < end && s.charAt(start) == '-') {
			start++;
		}
		while (end > start && s.charAt(end - 1) == '-') {
			end--;
		}
		return s.substring(start, end);
	}

}
