package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/** Full-text search over published articles, with facets and highlighted snippets. */
@Service
public class Search {

	/**
	 * Longer queries are cut here (in characters): no reader needs more, and clause
	 * counts stay bounded.
	 */
	static final int MAX_QUERY_LENGTH = 300;

	/** Where query words are looked for, and how much a match there counts. */
	private static final Map<String, Float> WEIGHTS = Map.of(SearchIndex.TITLE, 3f, SearchIndex.SUMMARY, 1.5f,
			SearchIndex.AUTHORS, 2f, SearchIndex.TAGS, 2f, SearchIndex.TEXT, 1f);

	/**
	 * How much a match in a stemmed field counts: less than the same word as written,
	 * which also matches the combined field.
	 */
	private static final float STEMMED_WEIGHT = 0.8f;

	private static final Sort NEWEST = new Sort(new SortField(SearchIndex.PUBLISHED, SortField.Type.LONG, true));

	private final SearchIndexHolder holder;

	private final Clock clock;

	Search(SearchIndexHolder holder, Clock clock) {
		this.holder = holder;
		this.clock = clock;
	}

	/**
	 * @return the sequence number of the last change-log entry ({@code ChangeLog}) this
	 * node's index has applied, 0 for none: searches and related articles reflect every
	 * change up to it
	 */
	public long appliedSeq() {
		return holder.index().appliedSeq();
	}

	/**
	 * Searches with the words analysed for the site's language only.
	 * @return the page of results asked for, whatever the query text
	 * @throws java.io.UncheckedIOException only when the index cannot be read
	 */
	public SearchResults search(SearchQuery q) {
		return search(q, null);
	}

	/**
	 * Each word matches as written (ICU-folded, in any article) or, in articles of the
	 * reader's or the site's language, as any form with the same stem.
	 * @param readerLanguage the reader's BCP 47 tag (RFC 5646), e.g. from a {@code lang}
	 * parameter; null, blank or malformed for none
	 * @return the page of results asked for, whatever the query text
	 * @throws java.io.UncheckedIOException only when the index cannot be read
	 */
	public SearchResults search(SearchQuery q, String readerLanguage) {
		SearchIndex index = holder.index();
		var snapshot = index.acquire();
		try {
			SearchResults.Notice notice = null;
			String text = q.text();
			if (text.length() > MAX_QUERY_LENGTH) {
				text = text.substring(0, MAX_QUERY_LENGTH);
				notice = SearchResults.Notice.QUERY_SHORTENED;
			}
			Query textQuery = parse(index, text, readerLanguage);
			if (textQuery instanceof MatchNoDocsQuery) {
				return empty(q, SearchResults.Notice.NOTHING_TO_SEARCH);
			}
			Query query = filtered(index, textQuery == null ? new MatchAllDocsQuery() : textQuery, q);
			boolean newest = q.newestFirst() || textQuery == null;
			int wanted = q.page() * q.pageSize();
			IndexSearcher searcher = snapshot.searcher();
			FacetsCollectorManager.FacetsResult result;
			try {
				result = newest
						? FacetsCollectorManager.search(searcher, query, wanted, NEWEST, new FacetsCollectorManager())
						: FacetsCollectorManager.search(searcher, query, wanted, new FacetsCollectorManager());
			}
			catch (IndexSearcher.TooManyClauses ex) {
				return empty(q, SearchResults.Notice.TOO_COMPLEX);
			}
			TopDocs top = result.topDocs();
			ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, wanted - q.pageSize()),
					top.scoreDocs.length);
			List<SearchResults.Hit> hits = hits(index, searcher, textQuery, page);
			long total = top.totalHits.value;
			int pageCount = (int) Math.min(SearchQuery.MAX_PAGE,
					Math.max(1, (total + q.pageSize() - 1) / q.pageSize()));
			Facets facets = snapshot.facets() == null ? null
					: new SortedSetDocValuesFacetCounts(snapshot.facets(), result.facetsCollector());
			return new SearchResults(q, total, pageCount, hits, counts(facets, SearchIndex.SECTION, 20, false),
					counts(facets, SearchIndex.AUTHOR, 10, false), counts(facets, SearchIndex.TAG, 15, false),
					counts(facets, SearchIndex.YEAR, 30, true), notice);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			index.release(snapshot);
		}
	}

	/**
	 * @return the parsed query; null for blank text (everything matches); a
	 * MatchNoDocsQuery when the text has no searchable words
	 */
	private static Query parse(SearchIndex index, String text, String readerLanguage) {
		if (text.isBlank()) {
			return null;
		}
		Map<String, Float> weights = new HashMap<>(WEIGHTS);
		for (String language : new String[] { readerLanguage, index.siteLanguage() }) {
			String stemmed = LanguageAnalyzers.field(language);
			if (stemmed != null) {
				weights.put(stemmed, STEMMED_WEIGHT);
			}
		}
		var parser = new SimpleQueryParser(index.analyzer(), weights);
		parser.setDefaultOperator(Occur.MUST);
		return parser.parse(text);
	}

	private Query filtered(SearchIndex index, Query base, SearchQuery q) {
		Query live = new BooleanQuery.Builder().add(base, Occur.MUST)
			.add(LongPoint.newRangeQuery(SearchIndex.PUBLISHED, Long.MIN_VALUE, clock.millis()), Occur.FILTER)
			.build();
		var drill = new DrillDownQuery(index.facetsConfig(), live);
		boolean any = false;
		if (q.section() != null) {
			drill.add(SearchIndex.SECTION, q.section());
			any = true;
		}
		if (q.author() != null) {
			drill.add(SearchIndex.AUTHOR, q.author());
			any = true;
		}
		if (q.tag() != null) {
			drill.add(SearchIndex.TAG, q.tag());
			any = true;
		}
		if (q.year() != null) {
			drill.add(SearchIndex.YEAR, Integer.toString(q.year()));
			any = true;
		}
		return any ? drill : live;
	}

	private static List<SearchResults.Hit> hits(SearchIndex index, IndexSearcher searcher, Query textQuery,
			ScoreDoc[] page) throws IOException {
		String[] snippets = new String[page.length];
		if (textQuery != null && page.length > 0) {
			// Snippets come from the body's and standfirst's postings offsets (no
			// re-analysis) and
			// mark the words the query matched in any field.
			var highlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
				.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
				.withMaxLength(200_000)
				.withWeightMatches(false)
				.withFieldMatcher(field -> true)
				.build();
			int[] docIds = Arrays.stream(page).mapToInt(sd -> sd.doc).toArray();
			Map<String, String[]> found = highlighter.highlightFields(
					new String[] { SearchIndex.BODY, SearchIndex.SUMMARY }, textQuery, docIds, new int[] { 2, 1 });
			for (int i = 0; i < page.length; i++) {
				String body = found.get(SearchIndex.BODY)[i];
				String summary = found.get(SearchIndex.SUMMARY)[i];
				snippets[i] = body != null && body.contains("<mark>") ? body : summary;
			}
		}
		var stored = searcher.storedFields();
		return IntStream.range(0, page.length).mapToObj(i -> {
			try {
				var doc = stored.document(page[i].doc);
				String snippet = snippets[i] != null ? snippets[i] : HtmlUtils.htmlEscape(doc.get(SearchIndex.SUMMARY));
				return new SearchResults.Hit(Long.parseLong(doc.get(SearchIndex.ID)), doc.get(SearchIndex.PATH),
						doc.get(SearchIndex.TITLE), snippet, doc.get(SearchIndex.SECTION_NAME),
						List.of(doc.getValues(SearchIndex.AUTHORS)),
						Instant.ofEpochMilli(doc.getField(SearchIndex.PUBLISHED).numericValue().longValue()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

	private static List<SearchResults.FacetValue> counts(Facets facets, String dimension, int limit, boolean byLabel)
			throws IOException {
		if (facets == null) {
			return List.of();
		}
		FacetResult result;
		try {
			result = facets.getTopChildren(limit, dimension);
		}
		catch (IllegalArgumentException ex) {
			return List.of(); // no document has this dimension yet
		}
		if (result == null) {
			return List.of();
		}
		var values = Arrays.stream(result.labelValues)
			.map(lv -> new SearchResults.FacetValue(lv.label, lv.value.intValue()));
		return byLabel ? values.sorted(Comparator.comparing(SearchResults.FacetValue::label).reversed()).toList()
				: values.toList();
	}

	private static SearchResults empty(SearchQuery q, SearchResults.Notice notice) {
		return new SearchResults(q, 0, 1, List.of(), List.of(), List.of(), List.of(), List.of(), notice);
	}

}
