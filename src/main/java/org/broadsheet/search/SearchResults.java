package org.broadsheet.search;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of search results with facet counts.
 *
 * @param total matching articles
 * @param notice how the query was read, when the reader should know; else null
 * @param sections facet counts by section name; likewise authors, tags and years
 * @param didYouMean when nothing was found: the query with misspelt words replaced by the
 * closest words of the site's titles and standfirsts that find something (Lucene's
 * DirectSpellChecker, up to two edits a word); else null
 */
public record SearchResults(SearchQuery query, long total, int pageCount, List<Hit> hits, List<FacetValue> sections,
		List<FacetValue> authors, List<FacetValue> tags, List<FacetValue> years, @Schema(nullable = true) Notice notice,
		@Schema(nullable = true) String didYouMean) {

	/** What readers are told about their query. */
	public enum Notice {

		/**
		 * Longer than {@value Search#MAX_QUERY_LENGTH} characters: the rest was ignored.
		 */
		QUERY_SHORTENED,
		/** Only punctuation or words too common to search for. */
		NOTHING_TO_SEARCH,
		/** Too many alternatives (e.g. a prefix matching too many words). */
		TOO_COMPLEX

	}

	/**
	 * @param titleHtml the title, HTML-escaped, with the query's matches in
	 * {@code <mark>}; safe to render as is
	 * @param snippetHtml HTML-escaped text with matches in {@code <mark>}; safe to render
	 * as is
	 * @param publishedAt UTC instant
	 */
	public record Hit(long id, String path, String title, String titleHtml, String snippetHtml, String section,
			List<String> authors, Instant publishedAt) {
	}

	/**
	 * @param label what readers see: the section's, author's or tag's name, or the year
	 * @param value what the filter parameter takes to select it: the slug of a section or
	 * tag, an author's name, a year
	 * @param count matching articles with this value
	 */
	public record FacetValue(String label, String value, int count) {
	}

}
