package org.broadsheet.interchange.wordpress;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.web.util.UriUtils;

/**
 * A WordPress site's addresses: its permalink structure, read from the export's item
 * {@code <link>}s, and the key under which an old address is looked up. WordPress builds
 * a post's address from the structure set in Settings › Permalinks
 * (https://wordpress.org/documentation/article/customize-permalinks/) with the post's
 * local {@code post_date}, its {@code post_name} as stored (percent-encoded) and, for
 * {@code %category%}, the category's path of nicenames; every post also answers
 * {@code ?p=ID}.
 */
final class WordPressPermalinks {

	/**
	 * The query parameters WordPress answers on its own (the rest are ignored): its
	 * public query vars ({@code WP::$public_query_vars},
	 * https://developer.wordpress.org/reference/classes/wp/) for posts, pages,
	 * attachments, archives ({@code cat}/{@code category_name},
	 * {@code tag}/{@code tag_id}, {@code author}/{@code author_name}) and feeds.
	 */
	private static final Set<String> WORDPRESS_QUERY = Set.of("p", "page_id", "attachment_id", "cat", "tag", "tag_id",
			"author", "author_name", "category_name", "feed", "name", "pagename");

	/** The common permalink structures, most specific first. */
	enum Structure {

		DAY_AND_NAME("/%year%/%monthnum%/%day%/%postname%/"), MONTH_AND_NAME("/%year%/%monthnum%/%postname%/"),
		YEAR_AND_NAME("/%year%/%postname%/"), CATEGORY_AND_NAME("/%category%/%postname%/"),
		ARCHIVES_ID("/archives/%post_id%"), NAME("/%postname%/"), PLAIN("/?p=%post_id%");

		final String pattern;

		Structure(String pattern) {
			this.pattern = pattern;
		}

	}

	/**
	 * What a post's addresses are made of.
	 *
	 * @param postName as the export has it ({@code wp:post_name}, percent-encoded for
	 * non-ASCII)
	 * @param postDate the local {@code post_date}, {@code yyyy-MM-dd HH:mm:ss}
	 * @param categories the paths of its categories ({@code parent/child}), in order
	 */
	record Post(String postId, String postName, String postDate, List<String> categories) {
	}

	private WordPressPermalinks() {
	}

	/**
	 * @param siteUrl {@code wp:base_blog_url} or the channel's {@code link}
	 * @return its path without a trailing slash ({@code ""} at the root, {@code /blog}
	 * for a site in a folder)
	 */
	static String basePath(String siteUrl) {
		String path = pathOf(siteUrl);
		while (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		return path;
	}

	/**
	 * @return every address {@code structure} gives {@code post} under {@code base}
	 * (several for {@code %category%}, one per category); none when the post lacks what
	 * the structure needs
	 */
	static List<String> addresses(Structure structure, String base, Post post) {
		String date = post.postDate() == null ? "" : post.postDate().strip();
		boolean dated = date.length() >= 10 && !date.startsWith("0000");
		String name = post.postName() == null ? "" : post.postName().strip();
		List<String> out = new ArrayList<>();
		switch (structure) {
			case DAY_AND_NAME, MONTH_AND_NAME, YEAR_AND_NAME -> {
				if (dated && !name.isEmpty()) {
					String prefix = switch (structure) {
						case DAY_AND_NAME ->
							date.substring(0, 4) + "/" + date.substring(5, 7) + "/" + date.substring(8, 10);
						case MONTH_AND_NAME -> date.substring(0, 4) + "/" + date.substring(5, 7);
						default -> date.substring(0, 4);
					};
					out.add(base + "/" + prefix + "/" + name + "/");
				}
			}
			case CATEGORY_AND_NAME -> {
				if (!name.isEmpty()) {
					post.categories().forEach(category -> out.add(base + "/" + category + "/" + name + "/"));
				}
			}
			case ARCHIVES_ID -> out.add(base + "/archives/" + post.postId());
			case NAME -> {
				if (!name.isEmpty()) {
					out.add(base + "/" + name + "/");
				}
			}
			case PLAIN -> out.add(base + "/?p=" + post.postId());
		}
		return out;
	}

	/**
	 * The structure most of the sampled posts' links follow.
	 * @param samples each post with the key of its {@code <link>}
	 * @return the structure, or null when no link follows one
	 */
	static Structure detect(String base, Map<Post, String> samples) {
		Map<Structure, Integer> votes = new EnumMap<>(Structure.class);
		samples.forEach((post, link) -> {
			for (Structure structure : Structure.values()) {
				if (addresses(structure, base, post).stream().anyMatch(a -> keyOfUrl(a).equals(link))) {
					votes.merge(structure, 1, Integer::sum);
					return;
				}
			}
		});
		return votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

	/**
	 * @param url an absolute URL or a site-relative address, percent-encoded
	 * @return its lookup key ({@link #key}); the host is left out
	 */
	static String keyOfUrl(String url) {
		String raw = url.strip();
		int hash = raw.indexOf('#');
		if (hash >= 0) {
			raw = raw.substring(0, hash);
		}
		int question = raw.indexOf('?');
		String query = question < 0 ? null : raw.substring(question + 1);
		String beforeQuery = question < 0 ? raw : raw.substring(0, question);
		return key(pathOf(beforeQuery), query);
	}

	/**
	 * The key an old address is stored and looked up under, so that the spellings
	 * WordPress answered alike meet: the path percent-decoded (UTF-8), NFC, lower case,
	 * without trailing slashes; of the query only WordPress's own parameters ({@code p},
	 * {@code page_id}, {@code attachment_id}, {@code cat}, {@code tag}, {@code author},
	 * {@code feed}, …), sorted, their values decoded the same way (WordPress reads slugs
	 * such as {@code ?tag=Must-Read} with {@code sanitize_title}, so case does not
	 * matter).
	 * @param path percent-encoded, as sent
	 * @param query raw, or null
	 */
	static String key(String path, String query) {
		String decoded = normal(decode(path == null || path.isEmpty() ? "/" : path));
		while (decoded.length() > 1 && decoded.endsWith("/")) {
			decoded = decoded.substring(0, decoded.length() - 1);
		}
		if (query == null || query.isEmpty()) {
			return decoded;
		}
		Map<String, String> kept = new TreeMap<>();
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode(equals < 0 ? pair : pair.substring(0, equals)).toLowerCase(Locale.ROOT);
			if (WORDPRESS_QUERY.contains(name)) {
				kept.putIfAbsent(name, normal(decode(equals < 0 ? "" : pair.substring(equals + 1)).strip()));
			}
		}
		if (kept.isEmpty()) {
			return decoded;
		}
		StringBuilder key = new StringBuilder(decoded).append('?');
		kept.forEach((name, value) -> key.append(key.charAt(key.length() - 1) == '?' ? "" : "&")
			.append(name)
			.append('=')
			.append(value));
		return key.toString();
	}

	/**
	 * @return the path of an absolute URL, or the address itself when it is relative
	 */
	private static String pathOf(String url) {
		String raw = url == null ? "" : url.strip();
		int scheme = raw.indexOf("://");
		if (scheme < 0) {
			return raw;
		}
		int slash = raw.indexOf('/', scheme + 3);
		if (slash < 0) {
			return "";
		}
		int end = raw.length();
		for (char c : new char[] { '?', '#' }) {
			int at = raw.indexOf(c, slash);
			if (at >= 0 && at < end) {
				end = at;
			}
		}
		return raw.substring(slash, end);
	}

	/** NFC and lower case, so that the spellings WordPress answered alike meet. */
	private static String normal(String decoded) {
		return Normalizer.normalize(decoded, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
	}

	/** Percent-decoded as UTF-8; as given when it is not well-formed. */
	private static String decode(String s) {
		if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
			return s;
		}
		try {
			return UriUtils.decode(s, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return s;
		}
	}

}
