package org.broadsheet.delivery;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a controller says about the page it renders: that anonymous readers may be served it from
 * the page cache, of which {@link PageKind}, and which surrogate keys it shows (so that a change to
 * any of them evicts it, here and on every node, and purges it from a CDN). A response that no
 * controller marked is never cached.
 *
 * <p>Keys: {@code article:ID} for every article a page shows (whole or as a teaser),
 * {@code section:ID}, {@code tag:ID}, {@code author:ID} for every name it shows,
 * {@code list:section:ID}, {@code list:tag:ID}, {@code list:author:ID} and {@code front} for
 * listings whose membership changes when an article is published, and {@code feeds},
 * {@code sitemaps}, {@code search}, {@code nav} (the site's navigation).
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
	 *
	 * @return the page's keys, to add to
	 */
	public static Surrogates mark(HttpServletRequest request, PageKind kind) {
		var surrogates = new Surrogates(kind);
		request.setAttribute(ATTRIBUTE, surrogates);
		return surrogates;
	}

	/**
	 * Marks the response of the request this thread serves (see {@link #mark(HttpServletRequest, PageKind)}).
	 *
	 * @throws IllegalStateException outside a request
	 */
	public static Surrogates mark(PageKind kind) {
		var attributes = (org.springframework.web.context.request.ServletRequestAttributes) org.springframework.web.context.request.RequestContextHolder
			.currentRequestAttributes();
		return mark(attributes.getRequest(), kind);
	}

	/** @return the marks of this request, or null when it is not a cacheable page */
	static Surrogates of(HttpServletRequest request) {
		return (Surrogates) request.getAttribute(ATTRIBUTE);
	}

	/** Adds keys; @return this */
	public Surrogates add(String... more) {
		keys.addAll(java.util.Arrays.asList(more));
		return this;
	}

	/** Adds {@code prefix + id} for every id; @return this */
	public Surrogates add(String prefix, Collection<Long> ids) {
		ids.forEach(id -> keys.add(prefix + id));
		return this;
	}

	PageKind kind() {
		return kind;
	}

	Set<String> keys() {
		return keys;
	}

	/** @return {@code article:ID} */
	public static String article(long id) {
		return "article:" + id;
	}

}
