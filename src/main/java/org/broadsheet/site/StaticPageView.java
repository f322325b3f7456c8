package org.broadsheet.site;

import org.broadsheet.page.StaticPage;

/**
 * The model of a static page's template ({@code site/page}).
 *
 * @param lang the page's language (BCP 47), for its {@code <article lang>}
 * @param dir {@code ltr} or {@code rtl}, for its {@code <article dir>}
 */
public record StaticPageView(Chrome chrome, PageMeta meta, String lang, String dir, StaticPage page) {
}
