package org.broadsheet.interchange.wordpress;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.author.AuthorProfile;

/**
 * Reading the values of a WordPress export: names, slugs, attachment paths, dates (as UTC
 * instants).
 */
final class WxrValues {

	/** WordPress's {@code post_date} and {@code comment_date} format. */
	private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private WxrValues() {
	}

	/**
	 * A key within the 300 characters import keys may have: long ones become a SHA-256 of
	 * themselves.
	 */
	static String stableKey(String key) {
		if (key.length() <= 300) {
			return key;
		}
		try {
			return "wxr-sha256:" + HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String displayName(Wxr.Author author) {
		String name = plainLine(author.displayName());
		return name.codePoints().anyMatch(Character::isLetterOrDigit) ? shorten(name, AuthorProfile.MAX_NAME)
				: author.login().strip();
	}

	/** A category's or tag's name: plain text, else its slug; at most 100 characters. */
	static String plainName(String name, String slug) {
		String plain = plainLine(name);
		return shorten(plain.isEmpty() ? decodeSlug(slug) : plain, ArticleDraft.MAX_NAME);
	}

	/**
	 * WordPress stores non-Latin slugs percent-encoded ({@code %ce%b5…}): decoded, else
	 * as given.
	 */
	static String decodeSlug(String slug) {
		String s = slug == null ? "" : slug.strip();
		if (s.indexOf('%') < 0) {
			return s;
		}
		try {
			return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return s;
		}
	}

	/**
	 * {@code _wp_attached_file}, else the attachment URL's path after {@code /uploads/}.
	 */
	static String attachedFile(Wxr.Item attachment) {
		String attached = attachment.meta("_wp_attached_file").strip();
		if (!attached.isEmpty()) {
			return attached;
		}
		String url = attachmentUrl(attachment);
		int uploads = url.indexOf("/uploads/");
		if (uploads >= 0) {
			return decodeSlug(url.substring(uploads + "/uploads/".length()));
		}
		try {
			String path = URI.create(url).getPath();
			return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	static String attachmentUrl(Wxr.Item attachment) {
		String url = attachment.attachmentUrl().strip();
		return url.isEmpty() ? attachment.guid().strip() : url;
	}

	static String plainLine(String html) {
		return WordPressContent.plainLine(html);
	}

	static String plainText(String html) {
		return WordPressContent.plainText(html);
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	static String shorten(String text) {
		return shorten(text, 80);
	}

	/**
	 * @return at most {@code max} characters, cut with "…" between code points (never
	 * half a surrogate pair)
	 */
	static String shorten(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int end = max - 1;
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end) + "…";
	}

	/**
	 * The first of these that is a date: {@code post_date_gmt}, {@code post_date} read as
	 * UTC, {@code pubDate}.
	 */
	static Instant firstDate(String gmt, String local, String pubDate) {
		Instant at = gmt(gmt);
		if (at == null) {
			at = gmt(local);
		}
		if (at == null && !pubDate.isBlank()) {
			try {
				at = ZonedDateTime.parse(pubDate.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			}
			catch (DateTimeParseException ex) {
				at = null;
			}
		}
		return at;
	}

	static Instant gmtOrLocal(Wxr.Comment comment) {
		Instant at = gmt(comment.dateGmt());
		return at != null ? at : gmt(comment.date());
	}

	/**
	 * {@code yyyy-MM-dd HH:mm:ss} as UTC; null for empty, {@code 0000-00-00 …} or
	 * anything else.
	 */
	static Instant gmt(String value) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty() || v.startsWith("0000")) {
			return null;
		}
		try {
			return LocalDateTime.parse(v, WP_DATE).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
