package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.broadsheet.article.ArticleRules;
import org.springframework.stereotype.Service;

/**
 * Related articles: textual similarity (Lucene MoreLikeThis over title, standfirst and
 * body), plus shared tags and authors, with a mild preference for recent articles. Never
 * the article itself, never an unpublished one. Results are cached until the index
 * changes.
 */
@Service
public class RelatedArticles {

	/** Weight of each shared tag and each shared author, against the text similarity. */
	static final float TAG_BOOST = 1.5f;

	static final float AUTHOR_BOOST = 0.75f;

	/**
	 * At most this much is added for a brand-new article, decaying with a one-year time
	 * constant.
	 */
	static final double RECENCY_WEIGHT = 0.1;

	/**
	 * Terms of the source used to find similar articles, and the share of articles above
	 * which a term is too common to use. Chosen with scripts/evaluate-related.sh (BBC
	 * precision@4) and scripts/benchmark-search.sh (p95 at 100,000 articles), over the
	 * one combined text field: 40 terms 0.895, 64 terms 0.904 at 9.6 ms, 80 terms 0.907
	 * at 12.3 ms, 100 terms 0.911.
	 */
	static final int QUERY_TERMS = 64;

	static final int MAX_DOC_FREQ_PERCENT = 30;

	/**
	 * Most tags and authors of the source that are compared: the article rules' limits.
	 * With the {@value #QUERY_TERMS} text terms and two filters, a query has at most 186
	 * clauses, far below Lucene's limit of
	 * {@value org.apache.lucene.search.IndexSearcher#DEFAULT_MAX_CLAUSE_COUNT}, even for
	 * an article stored before the limits existed.
	 */
	static final int SHARED_TAGS = ArticleRules.MAX_TAGS;

	static final int SHARED_AUTHORS = ArticleRules.MAX_AUTHORS;

	/**
	 * Best text matches re-ranked for recency; few enough for Lucene to skip most
	 * non-competitive documents.
	 */
	private static final int CANDIDATES = 8;

	private final SearchIndexHolder holder;

	private final Clock clock;

	private final Cache<Long, Cached> cache = Caffeine.newBuilder().maximumSize(20_000).build();

	/**
	 * @param asked how many were asked for: a shorter list is all there is
	 */
	private record Cached(long generation, int asked, List<Long> ids) {
	}

	RelatedArticles(SearchIndexHolder holder, Clock clock) {
		this.holder = holder;
		this.clock = clock;
	}

	/**
	 * @param limit how many at most, 1 or more
	 * @return ids of up to {@code limit} related published articles, most related first;
	 * empty when the article is not in the index. Kept until the index next changes.
	 * @throws java.io.UncheckedIOException when the index cannot be read
	 */
	public List<Long> related(long articleId, int limit) {
		SearchIndex index = holder.index();
		long generation = index.generation();
		Cached cached = cache.getIfPresent(articleId);
		if (cached != null && cached.generation() == generation && cached.asked() >= limit) {
			return cached.ids().subList(0, Math.min(limit, cached.ids().size()));
		}
		int asked = Math.max(limit, 4);
		List<Long> ids = compute(index, articleId, asked);
		cache.put(articleId, new Cached(generation, asked, ids));
		return ids.subList(0, Math.min(limit, ids.size()));
	}

	private List<Long> compute(SearchIndex index, long articleId, int limit) {
		var snapshot = index.acquire();
		try {
			IndexSearcher searcher = snapshot.searcher();
			String id = Long.toString(articleId);
			ScoreDoc[] self = searcher.search(new TermQuery(new Term(SearchIndex.ID, id)), 1).scoreDocs;
			if (self.length == 0) {
				return List.of();
			}
			var mlt = new MoreLikeThis(searcher.getIndexReader());
			mlt.setAnalyzer(index.analyzer());
			mlt.setFieldNames(new String[] { SearchIndex.TEXT });
			mlt.setMinTermFreq(1);
			mlt.setMinDocFreq(2);
			mlt.setMaxDocFreqPct(MAX_DOC_FREQ_PERCENT);
			mlt.setMaxQueryTerms(QUERY_TERMS);
			mlt.setBoost(true);
			var query = new BooleanQuery.Builder().add(mlt.like(self[0].doc), Occur.SHOULD);
			sharedValues(searcher, self[0].doc, query);
			long now = clock.millis();
			query.add(new TermQuery(new Term(SearchIndex.ID, id)), Occur.MUST_NOT)
				.add(LongPoint.newRangeQuery(SearchIndex.PUBLISHED, Long.MIN_VALUE, now), Occur.FILTER);
			// Counting every match is not needed: a hit threshold of CANDIDATES lets
			// Lucene skip
			// documents that cannot make the top (block-max WAND), which keeps long
			// queries fast.
			int wanted = Math.max(CANDIDATES, limit);
			ScoreDoc[] candidates = searcher.search(query.build(),
					new TopScoreDocCollectorManager(wanted, null, wanted)).scoreDocs;
			var stored = searcher.storedFields();
			List<Scored> scored = new ArrayList<>();
			for (ScoreDoc candidate : candidates) {
				var doc = stored.document(candidate.doc);
				long published = doc.getField(SearchIndex.PUBLISHED).numericValue().longValue();
				double ageYears = Math.max(0, now - published) / (double) Duration.ofDays(365).toMillis();
				double score = candidate.score * (1 + RECENCY_WEIGHT * Math.exp(-ageYears));
				scored.add(new Scored(Long.parseLong(doc.get(SearchIndex.ID)), score));
			}
			return scored.stream()
				.sorted(Comparator.comparingDouble(Scored::score).reversed())
				.limit(limit)
				.map(Scored::id)
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			index.release(snapshot);
		}
	}

	private record Scored(long id, double score) {
	}

	/**
	 * Adds a clause per tag and author of the source document, at most
	 * {@link #SHARED_TAGS} and {@link #SHARED_AUTHORS} (the first ones, in the writer's
	 * order), whatever the index holds.
	 */
	private static void sharedValues(IndexSearcher searcher, int doc, BooleanQuery.Builder query) throws IOException {
		var fields = searcher.storedFields().document(doc);
		Arrays.stream(fields.getValues(SearchIndex.AUTHORS))
			.distinct()
			.limit(SHARED_AUTHORS)
			.forEach(author -> query.add(
					new BoostQuery(new TermQuery(new Term(SearchIndex.AUTHOR_EXACT, author)), AUTHOR_BOOST),
					Occur.SHOULD));
		Arrays.stream(fields.getValues(SearchIndex.TAGS))
			.distinct()
			.limit(SHARED_TAGS)
			.forEach(tag -> query.add(new BoostQuery(new TermQuery(new Term(SearchIndex.TAG_EXACT, tag)), TAG_BOOST),
					Occur.SHOULD));
	}

}
