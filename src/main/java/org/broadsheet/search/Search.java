package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.broadsheet.search.ReaderWords.Word;
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

	/** Type-ahead answers at most this many titles. */
	public static final int SUGGESTIONS = 8;

	/** Type-ahead reads this many characters (code points) of what was typed, no more. */
	static final int MAX_TYPED_LENGTH = 100;

	/**
	 * Type-ahead answers nothing for fewer characters (code points, trimmed): a single
	 * letter's prefix matches a good part of the archive's title words.
	 */
	static final int MIN_TYPED_LENGTH = 2;

	/**
	 * Title words a typed prefix expands to, at most: the cost of a prefix stays bounded
	 * however large the archive grows.
	 */
	static final int MAX_PREFIX_TERMS = 64;

	/**
	 * Spelling suggestions within two edits (Damerau–Levenshtein) of words of four
	 * letters or more. Thread-safe once configured.
	 */
	private static final DirectSpellChecker SPELLER = new DirectSpellChecker();

	/**
	 * Unknown words looked up for "did you mean", at most: a query of many unknown words
	 * is no misspelling, and each lookup walks the dictionary.
	 */
	private static final int MAX_CORRECTED_WORDS = 6;

	/** Longer "words" (in letters) are no misspelling of any word. */
	private static final int MAX_WORD_LENGTH = 40;

	private final SearchIndexHolder holder;

	private final Clock clock;

	private final TopicSlugs topics;

	Search(SearchIndexHolder holder, Clock clock, TopicSlugs topics) {
		this.holder = holder;
		this.clock = clock;
		this.topics = topics;
	}

	/**
	 * A title for type-ahead.
	 *
	 * @param url the article's site-relative path, percent-encoded
	 */
	public record Suggestion(String title, String url) {
	}

	/**
	 * The query with its section and tag filters given by slug: readers' and robots'
	 * older links name them ({@code ?section=World}).
	 * @return the query with slugs, when a filter was given as the name of a section or
	 * tag (ignoring case); empty when every filter is a slug already or names nothing
	 */
	public Optional<SearchQuery> withSlugs(SearchQuery q) {
		if (q.section() == null && q.tag() == null) {
			return Optional.empty();
		}
		var current = topics.current();
		String section = q.section() == null ? null : current.sections().slugOfName(q.section());
		String tag = q.tag() == null ? null : current.tags().slugOfName(q.tag());
		if (section == null && tag == null) {
			return Optional.empty();
		}
		return Optional.of(new SearchQuery(q.text(), section == null ? q.section() : section, q.author(),
				tag == null ? q.tag() : tag, q.year(), q.newestFirst(), q.page(), q.pageSize()));
	}

	/**
	 * @return the sequence number of the last change-log entry ({@code ChangeLog}) this
	 * node's index has applied, 0 for none: searches reflect every change up to it.
	 * Related lists are written after the index commits it, so they may still lag it (and
	 * a list that failed is computed again later by the backfill)
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
				return empty(q, SearchResults.Notice.NOTHING_TO_SEARCH, null);
			}
			var current = topics.current();
			Query query = filtered(index, textQuery == null ? new MatchAllDocsQuery() : textQuery, q, current);
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
				return empty(q, SearchResults.Notice.TOO_COMPLEX, null);
			}
			TopDocs top = result.topDocs();
			if (top.totalHits.value == 0 && textQuery != null) {
				return empty(q, notice, didYouMean(index, searcher, q, text, readerLanguage, current));
			}
			ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(top.scoreDocs.length, wanted - q.pageSize()),
					top.scoreDocs.length);
			List<SearchResults.Hit> hits = hits(index, searcher, textQuery, page);
			long total = top.totalHits.value;
			int pageCount = (int) Math.min(SearchQuery.MAX_PAGE,
					Math.max(1, (total + q.pageSize() - 1) / q.pageSize()));
			Facets facets = snapshot.facets() == null ? null
					: new SortedSetDocValuesFacetCounts(snapshot.facets(), result.facetsCollector());
			return new SearchResults(q, total, pageCount, hits,
					counts(facets, SearchIndex.SECTION, 20, false, current.sections()::slug),
					counts(facets, SearchIndex.AUTHOR, 10, false, label -> label),
					counts(facets, SearchIndex.TAG, 15, false, current.tags()::slug),
					counts(facets, SearchIndex.YEAR, 30, true, label -> label), notice, null);
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

	private Query filtered(SearchIndex index, Query base, SearchQuery q, TopicSlugs.Topics current) {
		Query live = new BooleanQuery.Builder().add(base, Occur.MUST)
			.add(LongPoint.newRangeQuery(SearchIndex.PUBLISHED, Long.MIN_VALUE, clock.millis()), Occur.FILTER)
			.build();
		var drill = new DrillDownQuery(index.facetsConfig(), live);
		boolean any = false;
		if (q.section() != null) {
			drill.add(SearchIndex.SECTION, current.sections().name(q.section()));
			any = true;
		}
		if (q.author() != null) {
			drill.add(SearchIndex.AUTHOR, q.author());
			any = true;
		}
		if (q.tag() != null) {
			drill.add(SearchIndex.TAG, current.tags().name(q.tag()));
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
		String[] titles = new String[page.length];
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
			// Titles whole, not cut into sentences: a title is one line however it is
			// punctuated.
			var titleHighlighter = UnifiedHighlighter.builder(searcher, index.analyzer())
				.withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
				.withWeightMatches(false)
				.withFieldMatcher(field -> true)
				.withBreakIterator(WholeBreakIterator::new)
				.build();
			titles = titleHighlighter.highlight(SearchIndex.TITLE, textQuery,
					new TopDocs(new TotalHits(page.length, TotalHits.Relation.EQUAL_TO), page), 1);
		}
		String[] titleHtml = titles;
		var stored = searcher.storedFields();
		return IntStream.range(0, page.length).mapToObj(i -> {
			try {
				var doc = stored.document(page[i].doc);
				String snippet = snippets[i] != null ? snippets[i] : HtmlUtils.htmlEscape(doc.get(SearchIndex.SUMMARY));
				String title = doc.get(SearchIndex.TITLE);
				return new SearchResults.Hit(Long.parseLong(doc.get(SearchIndex.ID)), doc.get(SearchIndex.PATH), title,
						titleHtml[i] != null ? titleHtml[i] : HtmlUtils.htmlEscape(title), snippet,
						doc.get(SearchIndex.SECTION_NAME), List.of(doc.getValues(SearchIndex.AUTHORS)),
						Instant.ofEpochMilli(doc.getField(SearchIndex.PUBLISHED).numericValue().longValue()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}).toList();
	}

	private static List<SearchResults.FacetValue> counts(Facets facets, String dimension, int limit, boolean byLabel,
			UnaryOperator<String> value) throws IOException {
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
			.map(lv -> new SearchResults.FacetValue(lv.label, value.apply(lv.label), lv.value.intValue()));
		return byLabel ? values.sorted(Comparator.comparing(SearchResults.FacetValue::label).reversed()).toList()
				: values.toList();
	}

	private static SearchResults empty(SearchQuery q, SearchResults.Notice notice, String didYouMean) {
		return new SearchResults(q, 0, 1, List.of(), List.of(), List.of(), List.of(), List.of(), notice, didYouMean);
	}

	/**
	 * Words of four letters or more that no article has (in any field, after stemming)
	 * replaced by the nearest word of the titles and standfirsts in the same script;
	 * offered only when the corrected query, with the same filters, finds something.
	 * Words of scripts written without spaces (Chinese, Japanese, Thai, Khmer…) are left:
	 * their dictionary segmentation is no spelling.
	 * @return the corrected query text, or null
	 */
	private String didYouMean(SearchIndex index, IndexSearcher searcher, SearchQuery q, String text,
			String readerLanguage, TopicSlugs.Topics current) throws IOException {
		var corrected = new StringBuilder(text);
		List<Word> words = ReaderWords.words(ReaderWords.CASE_FOLDED, ReaderWords.SPELLING, text);
		boolean changed = false;
		int asked = 0;
		// From the end, so that earlier offsets stay valid.
		for (int i = words.size() - 1; i >= 0 && asked < MAX_CORRECTED_WORDS; i--) {
			Word word = words.get(i);
			int letters = word.text().codePointCount(0, word.text().length());
			if (!word.alphabetic() || letters < 4 || letters > MAX_WORD_LENGTH || known(index, searcher, word.text())) {
				continue;
			}
			asked++;
			SuggestWord[] found = SPELLER.suggestSimilar(new Term(ReaderWords.SPELLING, word.text()), 1,
					searcher.getIndexReader(), SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
			if (found.length > 0 && script(found[0].string) == script(word.text())) {
				corrected.replace(word.start(), word.end(), found[0].string);
				changed = true;
			}
		}
		if (!changed) {
			return null;
		}
		String suggestion = corrected.toString();
		Query query = parse(index, suggestion, readerLanguage);
		if (query == null || query instanceof MatchNoDocsQuery) {
			return null;
		}
		return searcher.count(filtered(index, query, q, current)) > 0 ? suggestion : null;
	}

	/** Whether any article has the word, after the analysis queries get. */
	private static boolean known(SearchIndex index, IndexSearcher searcher, String word) throws IOException {
		List<Word> terms = ReaderWords.words(index.analyzer(), SearchIndex.TEXT, word);
		for (Word term : terms) {
			if (searcher.getIndexReader().docFreq(new Term(SearchIndex.TEXT, term.text())) == 0) {
				return false;
			}
		}
		return !terms.isEmpty();
	}

	private static Character.UnicodeScript script(String word) {
		return Character.UnicodeScript.of(word.codePointAt(0));
	}

	/**
	 * Type-ahead: titles of published articles having every typed word, the last one as a
	 * prefix (so "harbour cra" finds "Harbour cranes arrive"), newest first. Case and
	 * accents are ignored; Chinese and Japanese titles are matched by dictionary words.
	 * The last word's prefix expands to at most {@value #MAX_PREFIX_TERMS} title words.
	 * @param typed what the reader has typed so far; only its first
	 * {@value #MAX_TYPED_LENGTH} characters (Unicode code points) are read
	 * @return up to {@value #SUGGESTIONS} titles; none for text without words or of fewer
	 * than {@value #MIN_TYPED_LENGTH} characters once trimmed
	 * @throws java.io.UncheckedIOException only when the index cannot be read
	 */
	public List<Suggestion> suggest(String typed) {
		String text = typed == null ? "" : typed.strip();
		if (text.codePointCount(0, text.length()) < MIN_TYPED_LENGTH) {
			return List.of();
		}
		if (text.codePointCount(0, text.length()) > MAX_TYPED_LENGTH) {
			// By code points: a cut between two halves of a surrogate pair is not text.
			text = text.substring(0, text.offsetByCodePoints(0, MAX_TYPED_LENGTH));
		}
		List<Word> words = ReaderWords.words(ReaderWords.FOLDED, ReaderWords.TITLE_WORDS, text);
		if (words.isEmpty()) {
			return List.of();
		}
		var query = new BooleanQuery.Builder();
		for (int i = 0; i < words.size() - 1; i++) {
			query.add(new TermQuery(new Term(ReaderWords.TITLE_WORDS, words.get(i).text())), Occur.FILTER);
		}
		query.add(new PrefixQuery(new Term(ReaderWords.TITLE_WORDS, words.get(words.size() - 1).text()),
				new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_PREFIX_TERMS)), Occur.FILTER);
		query.add(LongPoint.newRangeQuery(SearchIndex.PUBLISHED, Long.MIN_VALUE, clock.millis()), Occur.FILTER);
		SearchIndex index = holder.index();
		var snapshot = index.acquire();
		try {
			IndexSearcher searcher = snapshot.searcher();
			TopDocs top = searcher.search(query.build(), SUGGESTIONS, NEWEST);
			var stored = searcher.storedFields();
			List<Suggestion> suggestions = new ArrayList<>();
			for (ScoreDoc sd : top.scoreDocs) {
				var doc = stored.document(sd.doc, Set.of(SearchIndex.TITLE, SearchIndex.PATH));
				suggestions.add(new Suggestion(doc.get(SearchIndex.TITLE), doc.get(SearchIndex.PATH)));
			}
			return suggestions;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			index.release(snapshot);
		}
	}

}
