package org.broadsheet.search;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a reader asked for. Any text is accepted: quotes make phrases, {@code -word}
 * excludes, {@code word*} matches prefixes; unbalanced quotes and other stray syntax are
 * read as words.
 *
 * @param text the query as typed; blank lists everything that matches the filters
 * @param section slug of the section to filter by (e.g. {@code world}), or null; a name
 * is read as the section of that name (see {@link Search#withSlugs})
 * @param author author name, or null
 * @param tag tag slug (e.g. {@code climate-change}), or null; a name as for sections
 * @param year publication year in the site's time zone, or null
 * @param newestFirst order by publication instant instead of relevance
 * @param page 1-based
 * @param pageSize hits per page
 */
public record SearchQuery(String text, @Schema(nullable = true) String section, @Schema(nullable = true) String author,
		@Schema(nullable = true) String tag, @Schema(nullable = true) Integer year, boolean newestFirst, int page,
		int pageSize) {

	/** Pages beyond this are not served: deep paging costs more than it helps readers. */
	public static final int MAX_PAGE = 100;

	public SearchQuery {
		text = text == null ? "" : text.strip();
		section = blankToNull(section);
		author = blankToNull(author);
		tag = blankToNull(tag);
		page = Math.min(Math.max(page, 1), MAX_PAGE);
		pageSize = Math.min(Math.max(pageSize, 1), 100);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
