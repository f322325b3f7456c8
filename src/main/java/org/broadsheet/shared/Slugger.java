package org.broadsheet.shared;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
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
 *
 * <p>
 * The zero-width non-joiner (U+200C) and joiner (U+200D) change how a word is spelt in
 * the scripts that join or form conjuncts (Persian شب‌ها is not شبها): there they are
 * kept between two letters of the same script, once; anywhere else (between Latin
 * letters, beside a hyphen, at either end, in emoji) they mean nothing and are dropped.
 *
 * <p>
 * A slug someone chose (typed in the newsroom, carried by an import such as WordPress's
 * {@code post_name}) is {@link #keep kept} exactly when it already is a valid path
 * segment, so that an imported site keeps its addresses: underscores
 * ({@code copyright-registries-2_0}, {@code if-__name__-__main__}), dash punctuation such
 * as the non-breaking hyphen U+2011, and up to {@value #MAX_KEPT} code points
 * (WordPress's {@code post_name} column holds 200). Only titles are cut to
 * {@value #MAX_LENGTH}.
 */
@Component
public class Slugger {

	static final int MAX_LENGTH = 80;

	/**
	 * Longest slug {@link #keep} keeps, in code points: WordPress's {@code post_name} is
	 * a {@code varchar(200)}.
	 */
	static final int MAX_KEPT = 200;

	/**
	 * ASCII a kept slug may hold besides lower-case letters and digits (RFC 3986
	 * unreserved, no dot).
	 */
	private static final String ASCII_KEPT = "-_~";

	/**
	 * Dropped without a trace: apostrophes, and the invisible characters that live inside
	 * words without changing their spelling (WJ, BOM).
	 */
	private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ`\u2060\uFEFF]");

	/** Anything but letters, marks, digits and the joiners kept by {@link #joiners}. */
	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{M}\\p{N}\u200C\u200D]+");

	private static final char ZWNJ = '\u200C';

	private static final char ZWJ = '\u200D';

	/**
	 * Scripts in which a joiner between two letters changes the word: cursive scripts
	 * (Arabic for Persian, Urdu, Kurdish; Syriac, N'Ko, Mongolian) and the Brahmic
	 * scripts of India and Sri Lanka (conjuncts, half forms).
	 */
	private static final Set<Character.UnicodeScript> JOINING_SCRIPTS = EnumSet.of(Character.UnicodeScript.ARABIC,
			Character.UnicodeScript.SYRIAC, Character.UnicodeScript.NKO, Character.UnicodeScript.MONGOLIAN,
			Character.UnicodeScript.MANDAIC, Character.UnicodeScript.DEVANAGARI, Character.UnicodeScript.BENGALI,
			Character.UnicodeScript.GURMUKHI, Character.UnicodeScript.GUJARATI, Character.UnicodeScript.ORIYA,
			Character.UnicodeScript.TAMIL, Character.UnicodeScript.TELUGU, Character.UnicodeScript.KANNADA,
			Character.UnicodeScript.MALAYALAM, Character.UnicodeScript.SINHALA);

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
		s = joiners(s);
		s = SEPARATORS.matcher(s).replaceAll("-");
		s = trimHyphens(s);
		if (s.codePointCount(0, s.length()) > MAX_LENGTH) {
			s = s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH + 1));
			int lastBreak = s.lastIndexOf('-');
			// Cut at the last whole word, unless that would throw away more than half.
			s = trimHyphens(lastBreak > s.length() / 2 ? s.substring(0, lastBreak)
					: s.substring(0, s.offsetByCodePoints(0, MAX_LENGTH)));
			// A cut between a joiner and its second letter leaves it meaningless.
			s = trimHyphens(joiners(s));
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

	/**
	 * @param slug a slug someone chose, decoded (not percent-encoded); may be null
	 * @return {@code slug} unchanged when it is already a valid slug ({@link #isKept}),
	 * else {@link #slugify(String) its slug}
	 */
	public String keep(String slug) {
		return isKept(slug) ? slug : slugify(slug);
	}

	/**
	 * Whether a chosen slug is kept as it is: NFC, 1 to {@value #MAX_KEPT} code points,
	 * with a letter or digit, no upper-case letter (readers' addresses stay in one case),
	 * and only lower-case ASCII letters, digits, {@code -}, {@code _} and {@code ~}, or
	 * non-ASCII letters, marks, digits, dash and connector punctuation, symbols (emoji)
	 * and the joiners ZWNJ/ZWJ. Never a dot, slash, space, percent sign or control
	 * character, so it is one path segment that no static file name matches. With
	 * {@code broadsheet.slugs.transliterate=true} only ASCII slugs are kept.
	 */
	public boolean isKept(String slug) {
		if (slug == null || slug.isEmpty() || slug.codePointCount(0, slug.length()) > MAX_KEPT
				|| !Normalizer.isNormalized(slug, Normalizer.Form.NFC)) {
			return false;
		}
		boolean letterOrDigit = false;
		for (int i = 0; i < slug.length();) {
			int cp = slug.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isLetterOrDigit(cp)) {
				letterOrDigit = true;
			}
			if (cp < 0x80 ? !(cp >= 'a' && cp <= 'z' || cp >= '0' && cp <= '9' || ASCII_KEPT.indexOf(cp) >= 0)
					: toAscii != null || !keptAboveAscii(cp)) {
				return false;
			}
		}
		return letterOrDigit;
	}

	private static boolean keptAboveAscii(int cp) {
		return switch (Character.getType(cp)) {
			case Character.LOWERCASE_LETTER, Character.MODIFIER_LETTER, Character.OTHER_LETTER,
					Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.ENCLOSING_MARK,
					Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
					Character.DASH_PUNCTUATION, Character.CONNECTOR_PUNCTUATION, Character.OTHER_SYMBOL ->
				true;
			case Character.FORMAT -> cp == ZWNJ || cp == ZWJ;
			default -> false;
		};
	}

	/**
	 * Keeps a run of joiners as its first one when it stands between two letters of one
	 * {@link #JOINING_SCRIPTS joining script} (marks on the first letter are skipped),
	 * and drops every other joiner.
	 */
	static String joiners(String s) {
		if (s.indexOf(ZWNJ) < 0 && s.indexOf(ZWJ) < 0) {
			return s;
		}
		StringBuilder out = new StringBuilder(s.length());
		for (int i = 0; i < s.length();) {
			char c = s.charAt(i);
			if (c != ZWNJ && c != ZWJ) {
				out.append(c);
				i++;
				continue;
			}
			int end = i;
			while (end < s.length() && (s.charAt(end) == ZWNJ || s.charAt(end) == ZWJ)) {
				end++;
			}
			Character.UnicodeScript before = scriptBefore(out);
			if (before != null && end < s.length() && JOINING_SCRIPTS.contains(before)
					&& Character.isLetter(s.codePointAt(end))
					&& Character.UnicodeScript.of(s.codePointAt(end)) == before) {
				out.append(c);
			}
			i = end;
		}
		return out.toString();
	}

	/**
	 * @return the script of the last letter of {@code text}, past any marks on it; null
	 * when {@code text} does not end in a letter
	 */
	private static Character.UnicodeScript scriptBefore(CharSequence text) {
		int i = text.length();
		while (i > 0) {
			int cp = Character.codePointBefore(text, i);
			if (Character.isLetter(cp)) {
				return Character.UnicodeScript.of(cp);
			}
			int type = Character.getType(cp);
			if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
					&& type != Character.ENCLOSING_MARK) {
				return null;
			}
			i -= Character.charCount(cp);
		}
		return null;
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
