package org.broadsheet.settings;

/**
 * One link in the footer of every reader page.
 *
 * @param label the link's text, at most {@value #MAX_LABEL} characters
 * @param url absolute http(s) URL, or a path on this site starting with {@code /}
 */
public record FooterLink(String label, String url) {

	/** Longest label, in characters. */
	public static final int MAX_LABEL = 100;

}
