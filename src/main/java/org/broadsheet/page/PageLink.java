package org.broadsheet.page;

/**
 * A link to a published page, as the footer shows it.
 *
 * @param path percent-encoded, {@code /page/{slug}}
 * @param language BCP 47 tag of the page's title, or null for the site's language
 */
public record PageLink(long id, String title, String path, String language) {
}
