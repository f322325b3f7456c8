package org.broadsheet.comment;

import java.net.IDN;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The checked, cleaned fields of a comment: control characters (other than tab and line
 * breaks) removed, outer space stripped, the email lower-cased, the website an absolute
 * http(s) URL.
 */
record CommentFields(String name, String email, String website, String text) {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

	/**
	 * Invisible characters a name, email or website never needs: zero-width space, word
	 * joiner, byte-order mark and the bidirectional embeddings, overrides and isolates
	 * (which can make a name reverse the text after it). Joiners (ZWJ, ZWNJ) stay:
	 * Persian and emoji need them.
	 */
	private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u2060\\uFEFF\\u202A-\\u202E\\u2066-\\u2069]");

	/**
	 * Bidirectional overrides and embeddings in text: isolates and marks stay, overrides
	 * go.
	 */
	private static final Pattern OVERRIDE = Pattern.compile("[\\u202A-\\u202E]");

	/** Scheme, host (no user info), optional port, the rest. */
	private static final Pattern WEB_URL = Pattern.compile("(?i)(https?)://([^/?#:@]+)(:\\d{1,5})?([/?#][^@]*)?");

	private static final Pattern WORDLIKE = Pattern.compile("[\\p{L}\\p{N}]");

	private static final Pattern WITH_SCHEME = Pattern.compile("(?i)[a-z][a-z0-9+.-]*://.*");

	/**
	 * A scheme that is not a port ({@code javascript:}, {@code mailto:}), as opposed to
	 * {@code host:8080}.
	 */
	private static final Pattern OTHER_SCHEME = Pattern.compile("(?i)[a-z][a-z0-9+.-]*:(?!\\d).*");

	/**
	 * @param emailRequired whether an empty email is a problem
	 * @param problems receives field → message key for each field at fault
	 * @return the cleaned fields; meaningful only when {@code problems} stayed empty
	 */
	static CommentFields check(String name, String email, String website, String text, int maxLength,
			boolean emailRequired, Map<String, String> problems) {
		String n = INVISIBLE.matcher(clean(name)).replaceAll("").strip();
		String e = INVISIBLE.matcher(clean(email)).replaceAll("").toLowerCase(Locale.ROOT);
		String w = INVISIBLE.matcher(clean(website)).replaceAll("");
		String t = OVERRIDE.matcher(clean(text)).replaceAll("");
		if (!WORDLIKE.matcher(n).find()) {
			problems.put("name", "comment.error.name");
		}
		else if (n.length() > CommentSettings.MAX_NAME) {
			problems.put("name", "comment.error.nameLength");
		}
		if ((emailRequired || !e.isEmpty())
				&& (e.length() > CommentSettings.MAX_EMAIL || !EMAIL.matcher(e).matches())) {
			problems.put("email", "comment.error.email");
		}
		String url = w.isEmpty() ? null : website(w);
		if (url == null && !w.isEmpty()) {
			problems.put("website", "comment.error.website");
		}
		if (t.isEmpty()) {
			problems.put("text", "comment.error.text");
		}
		else if (t.length() > maxLength) {
			problems.put("text", "comment.error.textLength");
		}
		return new CommentFields(n, e, url, t);
	}

	private static String clean(String value) {
		return value == null ? "" : CONTROL.matcher(value).replaceAll("").strip();
	}

	/**
	 * @return the address as typed, {@code https://} added when it has no scheme, if it
	 * is an absolute http(s) URL with a valid (possibly internationalised) host name;
	 * else null
	 */
	static String website(String value) {
		boolean hasScheme = WITH_SCHEME.matcher(value).matches();
		if (!hasScheme && OTHER_SCHEME.matcher(value).matches()) {
			return null; // javascript:, data:, mailto: and the like
		}
		String url = hasScheme ? value : "https://" + value;
		var parts = WEB_URL.matcher(url);
		if (url.length() > CommentSettings.MAX_URL || !parts.matches() || url.chars()
			.anyMatch(ch -> ch <= ' ' || ch == '"' || ch == '<' || ch == '>' || ch == '`' || ch == '\\')) {
			return null;
		}
		try {
			// Internationalised host names are checked in their ASCII form (IDNA), the
			// rest by RFC 3986.
			String host = IDN.toASCII(parts.group(2), IDN.USE_STD3_ASCII_RULES);
			UriComponentsBuilder
				.fromUriString(parts.group(1) + "://" + host + Objects.toString(parts.group(3), "")
						+ Objects.toString(parts.group(4), ""))
				.build();
			return host.contains(".") && !host.endsWith(".") ? url : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
