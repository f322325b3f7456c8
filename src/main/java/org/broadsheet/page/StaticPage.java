package org.broadsheet.page;

import java.time.Instant;

import org.broadsheet.shared.Permalinks;

/**
 * A static page: About, Contact, Corrections policy, Privacy, …
 *
 * @param slug the page's address is {@code /page/{slug}} (decoded, NFC)
 * @param description one or two sentences under the title and in the meta description;
 * null for none
 * @param bodyMarkdown what the editor wrote (CommonMark)
 * @param bodyHtml the body rendered and sanitized as article bodies are
 * @param language BCP 47 tag, or null for the site's language
 * @param inFooter whether every reader page's footer links to it (once published)
 * @param footerOrder the footer lists pages by this number, then by title
 * @param updatedAt UTC instant of the last change
 */
public record StaticPage(long id, String slug, String title, String description, String bodyMarkdown, String bodyHtml,
		String language, PageStatus status, boolean inFooter, int footerOrder, Instant updatedAt) {

	/**
	 * @return the page's percent-encoded address, {@code /page/{slug}}
	 */
	public String path() {
		return Permalinks.page(slug);
	}

	/**
	 * @return whether readers see it
	 */
	public boolean published() {
		return status == PageStatus.PUBLISHED;
	}

}
