package org.broadsheet.comment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checked, cleaned fields of a comment: control characters (other than tab and line breaks)
 * removed, outer space stripped, the email lower-cased, the website an absolute http(s) URL.
 */
record CommentFields(String name, String email, String website, String text) {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

	/**
	 * @param emailRequired whether an empty email is a problem
	 * @param problems receives field → message key for each field at fault
	 * @return the cleaned fields; meaningful only when {@code problems} stayed empty
	 */
	static CommentFields check(String name, String email, String website, String text, int maxLength,
			boolean emailRequired, Map<String, String> problems) {
		String n = clean(name);
		String e = clean(email).toLowerCase(Locale.ROOT);
		String w = clean(website);
		String t = clean(text);
		if (n.isEmpty()) {
			problems.put("name", "comment.error.name");
		}
		else if (n.length() > CommentSettings.MAX_NAME) {
			problems.put("name", "comment.error.nameLength");
		}
		if ((emailRequired || !e.isEmpty()) && (e.length() > CommentSettings.MAX_EMAIL || !EMAIL.matcher(e).matches())) {
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

	/** @return the address as an absolute http(s) URL ({@code https://} added when no scheme), or null */
	private static String website(String value) {
		String url = value.matches("(?i)[a-z][a-z0-9+.-]*:.*") ? value : "https://" + value;
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			boolean web = scheme.equals("http") || scheme.equals("https");
			return web && uri.getHost() != null && uri.getHost().contains(".") && url.length() <= CommentSettings.MAX_URL
					? url : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
