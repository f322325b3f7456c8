package org.broadsheet.delivery;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What a controller says about the page it renders: that anonymous readers may be served
 * it from the page cache, of which {@link PageKind}, and which surrogate keys it shows
 * (so that a change to any of them evicts it, here and on every node, and purges it from
 * a CDN). A response that no controller marked is never cached.
 *
 * <p>
 * Keys: {@code article:ID} for every article a page shows (whole or as a teaser),
 * {@code related:ID} on the article's own page (its related list), {@code section:ID},
 * {@code tag:ID}, {@code author:ID} for every name it shows, {@code list:section:ID},
 * {@code list:tag:ID}, {@code list:author:ID} and {@code front} for listings whose
 * membership changes when an article is published, and {@code feeds}, {@code sitemaps},
 * {@code search}, {@code nav} (the site's navigation).
 */
public final class Surrogates {

	static final String ATTRIBUTE = Surrogates.class.getName();

	private final PageKind kind;

	private final Set<String> keys = new LinkedHashSet<>();

	private Surrogates(PageKind kind) {
		this.kind = kind;
	}

	/**
	 * Marks the request's response as cacheable for anonymous readers.
	 * @return the page's keys, to add to
	 */
	public static Surrogates mark(HttpServletRequest request, PageKind kind) {
		var surrogates = new Surrogates(kind);
		request.setAttribute(ATTRIBUTE, surrogates);
		return surrogates;
	}

	/**
	 * Marks the response of the request this thread serves (see
	 * {@link #mark(HttpServletRequest, PageKind)}).
	 * @throws IllegalStateException outside a request
	 */
	public static Surrogates mark(PageKind kind) {
		var attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
		return mark(attributes.getRequest(), kind);
	}

	/**
	 * @return the marks of this request, or null when it is not a cacheable page
	 */
	static Surrogates of(HttpServletRequest request) {
		return (Surrogates) request.getAttribute(ATTRIBUTE);
	}

	/** Adds keys; @return this */
	public Surrogates add(String... more) {
		keys.addAll(Arrays.asList(more));
		return this;
	}

	PageKind kind() {
		return kind;
	}

	Set<String> keys() {
		return keys;
	}

	/**
	 * Every page showing the site's navigation (the sections with a public article) and
	 * its footer (the static pages listed there).
	 */
	public static final String NAV = "nav";

	/** What every {@link #section(long)} key starts with. */
	public static final String SECTION_PREFIX = "section:";

	/** What every {@link #tag(long)} key starts with. */
	public static final String TAG_PREFIX = "tag:";

	/** The front page's list. */
	public static final String FRONT = "front";

	/** RSS, Atom and JSON feeds. */
	public static final String FEEDS = "feeds";

	/** Sitemaps. */
	public static final String SITEMAPS = "sitemaps";

	/** Search pages and the search API. */
	public static final String SEARCH = "search";

	/** robots.txt. */
	public static final String ROBOTS = "robots";

	/** Every page: a change too wide to list (an import). */
	public static final String ALL = "all";

	/**
	 * @return the key of every page showing the article, whole or as a teaser
	 */
	public static String article(long id) {
		return "article:" + id;
	}

	/**
	 * @return the key of the article's own page alone, which shows its related articles:
	 * a changed related list evicts it without the listings, feeds and pages showing the
	 * article as a teaser ({@link #article(long)})
	 */
	public static String related(long id) {
		return "related:" + id;
	}

	/**
	 * @return the key of a static page's own page ({@code /page/{slug}}); the footer's
	 * list of pages is on every page showing {@link #NAV}
	 */
	public static String page(long id) {
		return "page:" + id;
	}

	/**
	 * @return the key of every page showing the section's name
	 */
	public static String section(long id) {
		return SECTION_PREFIX + id;
	}

	/**
	 * @return the key of every page showing the tag's name
	 */
	public static String tag(long id) {
		return TAG_PREFIX + id;
	}

	/**
	 * @return the key of every page showing the author's name or profile
	 */
	public static String author(long id) {
		return "author:" + id;
	}

	/**
	 * @return the key of the section's listing, which changes when an article joins or
	 * leaves it
	 */
	public static String sectionList(long id) {
		return "list:section:" + id;
	}

	/**
	 * @return the key of the tag's listing
	 */
	public static String tagList(long id) {
		return "list:tag:" + id;
	}

	/**
	 * @return the key of the author's listing
	 */
	public static String authorList(long id) {
		return "list:author:" + id;
	}

}
