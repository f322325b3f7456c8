package org.broadsheet.delivery;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A part of a cached page that differs per response (a CSRF token, a signed form token):
 * the page is cached with a {@link #placeholder} where the part goes, and each response
 * gets the part spliced in when it is served. Implementations are beans.
 */
public interface ResponsePart {

	/**
	 * @return the part's name: ASCII letters and hyphens
	 */
	String name();

	/**
	 * @param argument what the placeholder carried (ASCII letters, digits, hyphens; may
	 * be empty)
	 * @return the part's text for this response, HTML-attribute-safe (it is not escaped
	 * again); it may set headers (a cookie) on {@code response}
	 */
	String value(String argument, HttpServletRequest request, HttpServletResponse response);

	/**
	 * @return the text to render where the part goes when the page is rendered for the
	 * cache (see {@link #renderingForCache}); ASCII letters, digits and dots, unguessable
	 * by content
	 */
	static String placeholder(String name, String argument) {
		return Splicing.PREFIX + name + "." + argument + ".";
	}

	/**
	 * @return whether this request renders a page for the page cache, so parts must be
	 * placeholders
	 */
	static boolean renderingForCache(HttpServletRequest request) {
		return request.getAttribute(Splicing.RENDERING) != null;
	}

}
