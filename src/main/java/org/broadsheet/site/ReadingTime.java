package org.broadsheet.site;

import java.util.regex.Pattern;

import org.jsoup.Jsoup;

/**
 * Estimated reading time of an article body. Rates: 230 words a minute for text written
 * with spaces between words (the usual adult silent-reading figure for non-fiction), and
 * 500 characters a minute for Chinese, Japanese and Korean, which are read by character.
 * Never less than one minute.
 */
final class ReadingTime {

	/** Words a minute, for scripts that separate words with spaces. */
	static final int WORDS_PER_MINUTE = 230;

	/** Characters a minute, for Han, Hiragana, Katakana and Hangul. */
	static final int CJK_PER_MINUTE = 500;

	private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]");

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}'’\\-\\u200C]*");

	private ReadingTime() {
	}

	/**
	 * @param bodyHtml sanitized HTML, or null
	 * @return whole minutes, rounded to the nearest, at least 1
	 */
	static int minutes(String bodyHtml) {
		String text = bodyHtml == null ? "" : Jsoup.parse(bodyHtml).text();
		long cjk = CJK.matcher(text).results().count();
		long words = WORD.matcher(CJK.matcher(text).replaceAll(" ")).results().count();
		double minutes = (double) words / WORDS_PER_MINUTE + (double) cjk / CJK_PER_MINUTE;
		return (int) Math.max(1, Math.round(minutes));
	}

}
