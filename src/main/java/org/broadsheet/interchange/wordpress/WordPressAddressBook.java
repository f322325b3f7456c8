package org.broadsheet.interchange.wordpress;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.broadsheet.author.Author;
import org.broadsheet.interchange.wordpress.WordPressAddresses.Kind;
import org.broadsheet.interchange.wordpress.WordPressPermalinks.Post;
import org.broadsheet.interchange.wordpress.WordPressPermalinks.Structure;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.web.util.UriUtils;

/**
 * One import's old addresses, written as its items are stored: for each post its
 * {@code <link>}, {@code ?p=ID}, the address its site's permalink structure gives it
 * (also under each {@code _wp_old_slug}); for pages {@code ?page_id=ID}; attachment
 * pages; category, tag and author archives with their feeds, in their pretty forms
 * ({@code /category/x/}, {@code /tag/x/}, {@code /author/x/}) and the query forms
 * WordPress answers under any permalink setting ({@code ?cat=ID},
 * {@code ?category_name=x}, {@code ?tag=x}, {@code ?tag_id=ID}, {@code ?author=ID},
 * {@code ?author_name=x}, each also with {@code &feed=rss2}); the site's feeds.
 */
final class WordPressAddressBook {

	/** How many posts' links are enough to tell the structure. */
	static final int SAMPLES = 1_000;

	/** Longest old URL kept, in characters (the columns' size). */
	static final int MAX_URL = 2_000;

	private final WordPressAddresses addresses;

	private final String origin;

	/**
	 * The site's scheme and host ({@code https://example.com}), for the report's URLs.
	 */
	private final String root;

	/** The site's folder ({@code ""} at the root, {@code /blog}). */
	private final String base;

	private final Structure structure;

	private final Map<String, Wxr.Category> categories;

	/**
	 * Login (lower case) → the nicenames Co-Authors Plus's {@code cap-} terms give them.
	 */
	private final Map<String, Set<String>> coAuthorNicenames = new HashMap<>();

	private int count;

	/**
	 * @param siteUrl the export's {@code wp:base_blog_url} (else its channel link)
	 * @param samples posts with the lookup keys of their links, to tell the structure
	 * @param categories the export's categories by nicename
	 * @param authorTerms the export's {@code wp:term}s of the {@code author} taxonomy
	 */
	WordPressAddressBook(WordPressAddresses addresses, String origin, String siteUrl, Map<Post, String> samples,
			Map<String, Wxr.Category> categories, Collection<Wxr.TaxonomyTerm> authorTerms) {
		this.addresses = addresses;
		this.origin = origin;
		this.base = WordPressPermalinks.basePath(siteUrl);
		String site = siteUrl.strip();
		while (site.endsWith("/")) {
			site = site.substring(0, site.length() - 1);
		}
		this.root = site.substring(0, site.length() - base.length());
		this.categories = categories;
		this.structure = WordPressPermalinks.detect(base, samples);
		// Co-Authors Plus names each term after the login and slugs it
		// cap-<user_nicename>,
		// which may differ from what sanitize_title makes of the login.
		for (Wxr.TaxonomyTerm term : authorTerms) {
			String slug = WxrValues.decodeSlug(term.slug());
			if (slug.regionMatches(true, 0, WordPressBylines.CAP, 0, WordPressBylines.CAP.length())) {
				coAuthorNicenames.computeIfAbsent(term.name().strip().toLowerCase(Locale.ROOT), k -> new HashSet<>())
					.add(WordPressBylines.withoutPrefix(slug).toLowerCase(Locale.ROOT));
			}
		}
	}

	/**
	 * @return the structure most posts' links follow, or null when none does
	 */
	Structure structure() {
		return structure;
	}

	/**
	 * @return how many old addresses this import remembered
	 */
	int count() {
		return count;
	}

	/**
	 * @return what the structure needs of an item
	 */
	static Post post(Wxr.Item item, Map<String, Wxr.Category> categories) {
		List<String> paths = new ArrayList<>();
		for (Wxr.Term term : item.terms()) {
			String domain = term.domain().strip();
			if (domain.isEmpty() || domain.equals("category")) {
				paths.add(categoryPath(term.nicename().strip(), categories));
			}
		}
		return new Post(item.postId().strip(), item.postName().strip(), item.postDate(), paths);
	}

	/** A post's addresses, all to the article. */
	void post(Wxr.Item item, long articleId) {
		remember(item.link(), "link", Kind.ARTICLE, articleId, null);
		remember(root + base + "/?p=" + item.postId().strip(), "post-id", Kind.ARTICLE, articleId, null);
		if (structure == null || structure == Structure.PLAIN) {
			return;
		}
		Post post = post(item, categories);
		WordPressPermalinks.addresses(structure, base, post)
			.forEach(a -> remember(root + a, "structure", Kind.ARTICLE, articleId, null));
		for (String old : item.meta().getOrDefault("_wp_old_slug", List.of())) {
			var former = new Post(post.postId(), old.strip(), post.postDate(), post.categories());
			WordPressPermalinks.addresses(structure, base, former)
				.forEach(a -> remember(root + a, "old-slug", Kind.ARTICLE, articleId, null));
		}
	}

	/** A page's addresses, all to the static page. */
	void page(Wxr.Item item, long pageId) {
		remember(item.link(), "link", Kind.PAGE, pageId, null);
		remember(root + base + "/?page_id=" + item.postId().strip(), "page-id", Kind.PAGE, pageId, null);
		remember(root + base + "/?p=" + item.postId().strip(), "post-id", Kind.PAGE, pageId, null);
	}

	/**
	 * An attachment page: to the article it belongs to, else to its image, else nowhere.
	 * @param articleId its parent article, or null
	 * @param key its import key (for its image)
	 */
	void attachment(Wxr.Item attachment, Long articleId, String key) {
		String image = articleId == null ? addresses.attachmentImage(key).orElse(null) : null;
		if (articleId == null && image == null) {
			return;
		}
		Kind kind = articleId == null ? Kind.PATH : Kind.ARTICLE;
		String id = attachment.postId().strip();
		remember(attachment.link(), "attachment", kind, articleId, image);
		remember(root + base + "/?attachment_id=" + id, "attachment", kind, articleId, image);
		remember(root + base + "/?p=" + id, "attachment", kind, articleId, image);
	}

	/**
	 * A category's archive ({@code /category/parent/child/}, also
	 * {@code /category/child/}, and the {@code ?category_name=} of each; {@code ?cat=ID}
	 * when the export gives the term id) and its feed.
	 * @param listing the section's or tag's listing
	 * @param feedQuery the Broadsheet feed's query ({@code section=…} or {@code tag=…})
	 */
	private void category(String path, String nicename, String listing, String feedQuery) {
		archive("category", "/category/" + path, listing, feedQuery);
		queryArchive("category", "category_name=" + path, listing, feedQuery);
		if (!path.equals(nicename)) {
			archive("category", "/category/" + nicename, listing, feedQuery);
			queryArchive("category", "category_name=" + nicename, listing, feedQuery);
		}
		Wxr.Category category = categories.get(nicename);
		if (category != null && isId(category.termId())) {
			queryArchive("category", "cat=" + category.termId().strip(), listing, feedQuery);
		}
	}

	/**
	 * Every category's and tag's archive, once the posts have made their sections.
	 * @param categoryNames category nicename → the name of its section (top-level) or tag
	 */
	void archives(Map<String, String> categoryNames, List<Wxr.Tag> tags, Taxonomy taxonomy) {
		Map<String, Section> sections = new HashMap<>();
		// Not the cached list: this import's own new sections are not in it before
		// commit.
		taxonomy.sectionsFromDatabase().forEach(s -> sections.put(s.name().toLowerCase(Locale.ROOT), s));
		Map<String, Tag> tagsByName = new HashMap<>();
		taxonomy.tags().forEach(t -> tagsByName.put(t.name().toLowerCase(Locale.ROOT), t));
		categoryNames.forEach((nicename, name) -> {
			String path = categoryPath(nicename, categories);
			Section section = path.contains("/") ? null : sections.get(name.toLowerCase(Locale.ROOT));
			Tag tag = tagsByName.get(name.toLowerCase(Locale.ROOT));
			if (section != null) {
				category(path, nicename, section.path(), "section=" + query(section.slug()));
			}
			else if (tag != null) {
				category(path, nicename, tag.path(), "tag=" + query(tag.slug()));
			}
		});
		for (Wxr.Tag wpTag : tags) {
			Tag tag = tagsByName.get(WxrValues.plainName(wpTag.name(), wpTag.slug()).toLowerCase(Locale.ROOT));
			if (tag != null && !wpTag.slug().isBlank()) {
				String feedQuery = "tag=" + query(tag.slug());
				archive("tag", "/tag/" + wpTag.slug().strip(), tag.path(), feedQuery);
				queryArchive("tag", "tag=" + wpTag.slug().strip(), tag.path(), feedQuery);
				if (isId(wpTag.termId())) {
					queryArchive("tag", "tag_id=" + wpTag.termId().strip(), tag.path(), feedQuery);
				}
			}
		}
	}

	private static String query(String value) {
		return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
	}

	/**
	 * An author's archive and feed: {@code /author/<user_nicename>/} and
	 * {@code ?author_name=<user_nicename>} under each nicename WordPress may have given
	 * them (the login as {@code sanitize_title} makes it, and the slug of their
	 * Co-Authors Plus {@code cap-} term), and {@code ?author=ID} for a WordPress user.
	 * @param userId {@code wp:author_id}, or empty (a guest author is no user)
	 */
	void author(String login, String userId, Author author) {
		String listing = author.path();
		String feedQuery = "author=" + query(author.slug());
		Set<String> nicenames = new TreeSet<>(
				coAuthorNicenames.getOrDefault(login.strip().toLowerCase(Locale.ROOT), Set.of()));
		nicenames.add(WordPressBylines.nicename(login));
		nicenames.remove("");
		for (String nicename : nicenames) {
			archive("author", "/author/" + UriUtils.encodePathSegment(nicename, StandardCharsets.UTF_8), listing,
					feedQuery);
			queryArchive("author", "author_name=" + query(nicename), listing, feedQuery);
		}
		if (isId(userId)) {
			queryArchive("author", "author=" + userId.strip(), listing, feedQuery);
		}
	}

	/**
	 * The site's own feeds: {@code ?feed=rss2}, {@code ?feed=atom}, and under a folder
	 * {@code /feed/}.
	 */
	void siteFeeds() {
		remember(root + base + "/?feed=rss2", "feed", Kind.PATH, null, "/feed/rss");
		remember(root + base + "/?feed=rss", "feed", Kind.PATH, null, "/feed/rss");
		remember(root + base + "/?feed=atom", "feed", Kind.PATH, null, "/feed/atom");
		if (!base.isEmpty()) {
			remember(root + base + "/feed/", "feed", Kind.PATH, null, "/feed/rss");
		}
	}

	private void archive(String form, String path, String listing, String feedQuery) {
		remember(root + base + path + "/", form, Kind.PATH, null, listing);
		remember(root + base + path + "/feed/", "feed", Kind.PATH, null, "/feed/rss?" + feedQuery);
	}

	/**
	 * An archive's query form ({@code /?cat=3}) and its feed ({@code /?cat=3&feed=rss2},
	 * the link WordPress gives under plain permalinks).
	 * @param query the query WordPress answered, its value percent-encoded as in the
	 * export
	 */
	private void queryArchive(String form, String query, String listing, String feedQuery) {
		remember(root + base + "/?" + query, form, Kind.PATH, null, listing);
		remember(root + base + "/?" + query + "&feed=rss2", "feed", Kind.PATH, null, "/feed/rss?" + feedQuery);
	}

	/** WordPress's ids are positive integers; anything else in the file is no id. */
	private static boolean isId(String id) {
		return id.strip().matches("[1-9]\\d{0,18}");
	}

	private void remember(String url, String form, Kind kind, Long id, String path) {
		// The columns hold 2,000 characters; a longer URL is no address anyone typed.
		if (url == null || url.isBlank() || url.length() > MAX_URL) {
			return;
		}
		if (addresses.remember(origin, url.strip(), form, kind, id, path)) {
			count++;
		}
	}

	/**
	 * @return the category's path of nicenames from its top-level ancestor
	 * ({@code parent/child}), as WordPress's {@code %category%} and category archives
	 * write it
	 */
	static String categoryPath(String nicename, Map<String, Wxr.Category> categories) {
		List<String> path = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		String at = nicename;
		while (at != null && !at.isEmpty() && seen.add(at)) {
			path.add(0, at);
			Wxr.Category category = categories.get(at);
			at = category == null ? null : category.parent().strip();
		}
		return String.join("/", path);
	}

	/** Keeps the first {@link #SAMPLES} posts' links, to tell the structure. */
	static void sample(Map<Post, String> samples, Wxr.Item item, Map<String, Wxr.Category> categories) {
		if (samples.size() < SAMPLES && item.postType().strip().equals("post")
				&& item.status().strip().equals("publish") && !item.link().isBlank()) {
			samples.put(post(item, categories), WordPressPermalinks.keyOfUrl(item.link()));
		}
	}

	/**
	 * @return a new, empty sample map in file order
	 */
	static Map<Post, String> samples() {
		return new LinkedHashMap<>();
	}

}
