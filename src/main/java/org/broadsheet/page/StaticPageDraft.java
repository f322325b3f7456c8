package org.broadsheet.page;

/**
 * A page as the newsroom form (or an import) gives it, before it passes the rules of
 * {@link StaticPages}.
 *
 * @param slug the wanted slug, or null/blank to make one from the title
 * @param title required, at most {@value #MAX_TITLE} characters
 * @param description optional, at most {@value #MAX_DESCRIPTION} characters
 * @param bodyMarkdown CommonMark, at most {@value #MAX_BODY} characters
 * @param language BCP 47 tag, or null/blank for the site's language
 * @param footerOrder 0 to {@value #MAX_FOOTER_ORDER}
 */
public record StaticPageDraft(String slug, String title, String description, String bodyMarkdown, String language,
		PageStatus status, boolean inFooter, int footerOrder) {

	/** Longest title, in characters. */
	public static final int MAX_TITLE = 200;

	/** Longest description, in characters. */
	public static final int MAX_DESCRIPTION = 500;

	/** Longest body, in characters. */
	public static final int MAX_BODY = 200_000;

	/** Largest footer order. */
	public static final int MAX_FOOTER_ORDER = 999;

}
