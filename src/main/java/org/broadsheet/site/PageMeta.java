package org.broadsheet.site;

import java.util.List;

/**
 * A page's head: title, description, canonical URL, language and social/structured
 * metadata.
 *
 * @param lang BCP 47 tag for {@code <html lang>}
 * @param dir {@code ltr} or {@code rtl}
 * @param canonicalUrl absolute
 * @param properties Open Graph ({@code og:*}, {@code article:*}) meta properties, in
 * order
 * @param names named meta tags ({@code twitter:*}), in order
 * @param jsonLd schema.org JSON-LD, escaped for a {@code <script>} element; null for none
 */
public record PageMeta(String title, String description, String lang, String dir, String canonicalUrl,
		List<Tag> properties, List<Tag> names, String jsonLd) {

	/** One {@code <meta>} element. */
	public record Tag(String key, String content) {
	}

}
