package org.broadsheet.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;
import org.broadsheet.article.ArticleRules;

/**
 * Finds an article's related articles in the index, in three steps:
 * <ol>
 * <li>candidates: Lucene's MoreLikeThis over the combined text field's term vectors
 * ({@value #QUERY_TERMS} terms, none in over {@value #MAX_DOC_FREQ_PERCENT}% of articles
 * on a site of {@value #FEW} or more), plus shared tags and authors, published articles
 * only, best {@value #CANDIDATES};</li>
 * <li>similarity: the cosine of the article's and each candidate's TF-IDF vectors (tf 1 +
 * ln tf, idf ln(1 + N/df), terms in at least 2 articles and at most
 * {@value #MAX_DOC_FREQ_PERCENT}% of them), from 0 (no term in common) to 1 (the same
 * terms in the same proportions); when the site has a {@link LatentModel} (a site of
 * {@value LatentSpace#FEW_ARTICLES} articles or more), mixed half and half
 * ({@value #TFIDF_SHARE}) with the cosine of the two vectors' projections in its
 * {@value LatentModel#DIMENSIONS}-dimension latent space, which relates articles on one
 * topic told in different words;</li>
 * <li>ranking: with a latent model, by the mixed similarity; without one, by cosine with
 * the article's vector moved towards its {@value #FEEDBACK} most similar candidates
 * (pseudo-relevance feedback, Rocchio), which favours candidates on the topic the
 * neighbourhood shares over one that shares a few rare words; plus
 * {@value #SHARED_TAG_BONUS} per shared tag and {@value #SHARED_AUTHOR_BONUS} per shared
 * author; articles in the same language first.</li>
 * </ol>
 * The relevance bar: a candidate is shown only when its mixed similarity is at least
 * {@value #MIN_MIXED} (without a latent model: its TF-IDF cosine at least
 * {@value #MIN_SIMILARITY}), or when it shares a tag with the article (tags are the
 * editors' own statement that two articles belong together). An article whose text has no
 * term in common with any other (another language, a lone topic) has no related articles.
 *
 * <p>
 * Measured on the BBC News corpus (1,277 articles, categories never shown to the index;
 * {@code scripts/evaluate-related.sh}; precision over the shown items of non-empty lists,
 * share of lists shorter than 4):
 * <table>
 * <caption>Tries</caption>
 * <tr>
 * <th>try</th>
 * <th>precision@4</th>
 * <th>shortened</th>
 * </tr>
 * <tr>
 * <td>before: MoreLikeThis BM25 score, 8 candidates, recency boost</td>
 * <td>0.904</td>
 * <td>0 %</td>
 * </tr>
 * <tr>
 * <td>re-ranked by cosine (all terms), 8 candidates</td>
 * <td>0.915</td>
 * <td>0 %</td>
 * </tr>
 * <tr>
 * <td>same, 30 candidates</td>
 * <td>0.914</td>
 * <td>0 %</td>
 * </tr>
 * <tr>
 * <td>feedback from the 5 most similar, 30 candidates</td>
 * <td>0.922</td>
 * <td>0 %</td>
 * </tr>
 * <tr>
 * <td>feedback from 10 of 40 candidates; or weight 2, 3</td>
 * <td>0.921</td>
 * <td>0 %</td>
 * </tr>
 * <tr>
 * <td>shared nearest neighbours (k 10, 20) added to cosine</td>
 * <td>0.923–0.926</td>
 * <td>0 %</td>
 * </tr>
 * <tr>
 * <td>mutual neighbours only (k 5 to 30)</td>
 * <td>0.911–0.916</td>
 * <td>1–46 %</td>
 * </tr>
 * <tr>
 * <td>feedback, vectors without terms in 1 article or over 30 %</td>
 * <td>0.926</td>
 * <td>0 %</td>
 * </tr>
 * <tr>
 * <td>same, bar: cosine ≥ 0.10 (chosen before the latent model; the fallback)</td>
 * <td>0.928</td>
 * <td>4.8 %</td>
 * </tr>
 * <tr>
 * <td>same, bar: cosine ≥ 0.12</td>
 * <td>0.934</td>
 * <td>17.6 %</td>
 * </tr>
 * <tr>
 * <td>same, bar: cosine ≥ 0.15</td>
 * <td>0.955</td>
 * <td>40.8 % (9.8 % empty)</td>
 * </tr>
 * <tr>
 * <td>bar relative to the best candidate (0.5 to 0.9 of it)</td>
 * <td>0.923–0.933</td>
 * <td>4–75 %</td>
 * </tr>
 * <tr>
 * <td>64 query terms → 150, 100 candidates (as good as exhaustive kNN)</td>
 * <td>0.929</td>
 * <td>3.5 %</td>
 * </tr>
 * <tr>
 * <td>tf saturated as in BM25 (k1 1.2) instead of 1 + ln tf</td>
 * <td>0.927</td>
 * <td>6.5 %</td>
 * </tr>
 * <tr>
 * <td>title terms weighted ×2; ×3</td>
 * <td>0.909; 0.896</td>
 * <td>5.9 %; 11.0 %</td>
 * </tr>
 * <tr>
 * <td>feedback from 10 of 50 candidates at half weight; from 3</td>
 * <td>0.928</td>
 * <td>3.5 %</td>
 * </tr>
 * <tr>
 * <td>idf squared; idf to the power 1.5</td>
 * <td>0.903; 0.920</td>
 * <td>32.5 %; 18.2 %</td>
 * </tr>
 * <tr>
 * <td>terms in at most 15 %; 50 % of articles</td>
 * <td>0.926; 0.927</td>
 * <td>7.5 %; 2.2 %</td>
 * </tr>
 * <tr>
 * <td>terms in at least 3 articles, bar 0.10; 0.11; 0.12</td>
 * <td>0.928; 0.930; 0.928</td>
 * <td>1.4 %; 3.2 %; 7.5 %</td>
 * </tr>
 * <tr>
 * <td>latent: random indexing, d 500–2000 (sum of terms' context vectors), alone or half
 * mixed, any bar</td>
 * <td>0.918–0.936</td>
 * <td>0–10 %</td>
 * </tr>
 * <tr>
 * <td>latent: LSA k 100–300, alone, mixed with cosine or feedback, bar cos 0.10</td>
 * <td>0.921–0.931</td>
 * <td>3.6 %</td>
 * </tr>
 * <tr>
 * <td>LSA k 100–300, bar on the latent or mixed similarity at ≤ 10 % shortened</td>
 * <td>0.920–0.939</td>
 * <td>0–10 %</td>
 * </tr>
 * <tr>
 * <td>LSA k 100–300, bars reaching 0.95</td>
 * <td>0.954–0.990</td>
 * <td>25–91 %</td>
 * </tr>
 * <tr>
 * <td>LSA k 20–50, half mixed with cosine, bar on the mix 0.3–0.4</td>
 * <td>0.941–0.950</td>
 * <td>0–14 %</td>
 * </tr>
 * <tr>
 * <td>LSA k 5–50, latent alone (no cosine): loses the same story (the clearest lexical
 * neighbour, cosine ≥ 0.3, out of the list for 7–53 % of articles)</td>
 * <td>0.942–0.953</td>
 * <td>0 %</td>
 * </tr>
 * <tr>
 * <td>LSA, every article against every other (not MoreLikeThis's candidates), k 5–50</td>
 * <td>0.941–0.946</td>
 * <td>0 %</td>
 * </tr>
 * <tr>
 * <td>LSA k 5, half mixed with cosine, bar on the mix 0.4</td>
 * <td>0.955</td>
 * <td>0 %</td>
 * </tr>
 * <tr>
 * <td>LSA k 10, half mixed with cosine, bar on the mix 0.4 (chosen; 0.952–0.953 in the
 * experiment over two seeds, 0.956 on half the articles with the model fitted on the
 * other half and these folded in)</td>
 * <td>0.952</td>
 * <td>0 %</td>
 * </tr>
 * </table>
 * Most remaining misses are neighbours that a reader would call related but the corpus
 * files elsewhere (a G7 debt plan under business next to the Chancellor under politics).
 * Caution on the latent space's size: the corpus has 5 broad categories and precision@4
 * rewards sharing one, so few dimensions win here; a site with finer sections may want
 * more, and the TF-IDF half is what keeps the same story first.
 */
final class RelatedFinder {

	static final int QUERY_TERMS = 64;

	static final int MAX_DOC_FREQ_PERCENT = 30;

	static final int CANDIDATES = 30;

	/** Below this many articles, no term counts as too common. */
	static final int FEW = 50;

	static final int FEEDBACK = 5;

	/** The relevance bar without a latent model: cosine of the TF-IDF vectors, 0 to 1. */
	static final double MIN_SIMILARITY = 0.10;

	/** The relevance bar with a latent model: the mixed similarity, -1 to 1. */
	static final double MIN_MIXED = 0.40;

	/** Share of the TF-IDF cosine in the mixed similarity; the rest is the latent one. */
	static final double TFIDF_SHARE = 0.5;

	static final double SHARED_TAG_BONUS = 0.05;

	static final double SHARED_AUTHOR_BONUS = 0.02;

	/**
	 * Query boosts of shared tags and authors: they bring articles the editors linked
	 * into the candidates.
	 */
	static final float TAG_BOOST = 1.5f;

	static final float AUTHOR_BOOST = 0.75f;

	/**
	 * Most tags and authors of the source that are compared: the article rules' limits.
	 * With the {@value #QUERY_TERMS} text terms and two filters, a query has at most 186
	 * clauses, far below Lucene's limit of
	 * {@value org.apache.lucene.search.IndexSearcher#DEFAULT_MAX_CLAUSE_COUNT}, even for
	 * an article stored before the limits existed.
	 */
	static final int SHARED_TAGS = ArticleRules.MAX_TAGS;

	static final int SHARED_AUTHORS = ArticleRules.MAX_AUTHORS;

	private final String siteLanguage;

	private final LatentSpace space;

	/** Not thread-safe: one finder per thread (the index follower's). */
	private Weights weights;

	/**
	 * @param siteLanguage the BCP 47 tag of the site's language: that of articles without
	 * their own
	 */
	RelatedFinder(String siteLanguage) {
		this(siteLanguage, null);
	}

	/**
	 * @param siteLanguage the BCP 47 tag of the site's language: that of articles without
	 * their own
	 * @param space the site's latent space; {@code null} to score by TF-IDF alone
	 */
	RelatedFinder(String siteLanguage, LatentSpace space) {
		this.siteLanguage = siteLanguage;
		this.space = space;
	}

	/**
	 * A related article.
	 *
	 * @param similarity the score the relevance bar applies to: the TF-IDF cosine with
	 * the article (0 to 1), or the mixed similarity when a latent model is in use (-1 to
	 * 1)
	 */
	record Found(long id, double similarity) {
	}

	/**
	 * @param now epoch milliseconds: articles published later are left out
	 * @param limit how many at most
	 * @return up to {@code limit} articles above the bar, most related first; empty when
	 * the article is not in the index
	 * @throws UncheckedIOException when the index cannot be read
	 */
	List<Found> find(SearchIndex index, long articleId, long now, int limit) {
		var snapshot = index.acquire();
		try {
			return find(snapshot.searcher(), index, articleId, now, limit);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			index.release(snapshot);
		}
	}

	private List<Found> find(IndexSearcher searcher, SearchIndex index, long articleId, long now, int limit)
			throws IOException {
		String id = Long.toString(articleId);
		ScoreDoc[] self = searcher.search(new TermQuery(new Term(SearchIndex.ID, id)), 1).scoreDocs;
		if (self.length == 0) {
			return List.of();
		}
		IndexReader reader = searcher.getIndexReader();
		var mlt = new MoreLikeThis(reader);
		mlt.setAnalyzer(index.analyzer());
		mlt.setFieldNames(new String[] { SearchIndex.TEXT });
		mlt.setMinTermFreq(1);
		mlt.setMinDocFreq(2);
		if (reader.numDocs() >= FEW) {
			mlt.setMaxDocFreqPct(MAX_DOC_FREQ_PERCENT);
		}
		mlt.setMaxQueryTerms(QUERY_TERMS);
		mlt.setBoost(true);
		var stored = searcher.storedFields();
		var source = stored.document(self[0].doc);
		var query = new BooleanQuery.Builder().add(mlt.like(self[0].doc), Occur.SHOULD);
		Set<String> authors = first(source.getValues(SearchIndex.AUTHORS), SHARED_AUTHORS);
		Set<String> tags = first(source.getValues(SearchIndex.TAGS), SHARED_TAGS);
		authors.forEach(author -> query.add(
				new BoostQuery(new TermQuery(new Term(SearchIndex.AUTHOR_EXACT, author)), AUTHOR_BOOST), Occur.SHOULD));
		tags.forEach(tag -> query.add(new BoostQuery(new TermQuery(new Term(SearchIndex.TAG_EXACT, tag)), TAG_BOOST),
				Occur.SHOULD));
		query.add(new TermQuery(new Term(SearchIndex.ID, id)), Occur.MUST_NOT)
			.add(LongPoint.newRangeQuery(SearchIndex.PUBLISHED, Long.MIN_VALUE, now), Occur.FILTER);
		// A hit threshold of CANDIDATES lets Lucene skip documents that cannot make the
		// top (block-max WAND), which keeps long queries fast.
		ScoreDoc[] candidates = searcher.search(query.build(),
				new TopScoreDocCollectorManager(CANDIDATES, null, CANDIDATES)).scoreDocs;
		var weights = weights(reader);
		Map<BytesRef, Double> own = weights.vector(self[0].doc);
		List<Map<BytesRef, Double>> vectors = new ArrayList<>();
		double[] cosine = new double[candidates.length];
		for (int i = 0; i < candidates.length; i++) {
			vectors.add(weights.vector(candidates[i].doc));
			cosine[i] = cosine(own, vectors.get(i));
		}
		LatentModel model = space == null ? null : space.current(reader, weights::vector);
		double[] similarity = model == null ? cosine : mixed(model, own, vectors, cosine);
		double bar = model == null ? MIN_SIMILARITY : MIN_MIXED;
		Map<BytesRef, Double> topic = model == null ? feedback(own, vectors, cosine) : null;
		String language = primary(source.get(SearchIndex.LANGUAGE));
		List<Ranked> ranked = new ArrayList<>();
		for (int i = 0; i < candidates.length; i++) {
			var doc = stored.document(candidates[i].doc);
			int sharedTags = shared(tags, doc.getValues(SearchIndex.TAGS));
			// A tag an editor gave both articles is evidence of its own, whatever their
			// words.
			if (similarity[i] < bar && sharedTags == 0) {
				continue;
			}
			double score = (topic == null ? similarity[i] : cosine(topic, vectors.get(i)))
					+ SHARED_TAG_BONUS * sharedTags
					+ SHARED_AUTHOR_BONUS * shared(authors, doc.getValues(SearchIndex.AUTHORS));
			ranked.add(new Ranked(new Found(Long.parseLong(doc.get(SearchIndex.ID)), similarity[i]),
					language.equals(primary(doc.get(SearchIndex.LANGUAGE))), score));
		}
		return ranked.stream()
			.sorted(Comparator.comparing(Ranked::sameLanguage)
				.thenComparingDouble(Ranked::score)
				.reversed()
				.thenComparingLong(r -> r.found().id()))
			.limit(limit)
			.map(Ranked::found)
			.toList();
	}

	/**
	 * @return for each candidate, {@value #TFIDF_SHARE} of its TF-IDF cosine plus the
	 * rest of the cosine of the latent projections, -1 to 1
	 */
	private static double[] mixed(LatentModel model, Map<BytesRef, Double> own, List<Map<BytesRef, Double>> vectors,
			double[] cosine) {
		float[] point = model.project(own);
		double[] mixed = new double[cosine.length];
		for (int i = 0; i < cosine.length; i++) {
			mixed[i] = TFIDF_SHARE * cosine[i]
					+ (1 - TFIDF_SHARE) * LatentModel.cosine(point, model.project(vectors.get(i)));
		}
		return mixed;
	}

	/**
	 * The weights of the reader, kept while the reader is the same: a batch of lists
	 * looks each term's document frequency up once.
	 */
	private Weights weights(IndexReader reader) {
		if (weights == null || weights.reader != reader) {
			weights = new Weights(reader);
		}
		return weights;
	}

	private record Ranked(Found found, boolean sameLanguage, double score) {
	}

	/**
	 * @return the article's vector plus the mean of its {@value #FEEDBACK} most similar
	 * candidates' vectors, unit length
	 */
	private static Map<BytesRef, Double> feedback(Map<BytesRef, Double> own, List<Map<BytesRef, Double>> vectors,
			double[] cosine) {
		Map<BytesRef, Double> topic = new HashMap<>(own);
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < vectors.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingDouble((Integer i) -> cosine[i]).reversed());
		int k = Math.min(FEEDBACK, order.size());
		for (int j = 0; j < k; j++) {
			vectors.get(order.get(j)).forEach((term, weight) -> topic.merge(term, weight / k, Double::sum));
		}
		return unit(topic);
	}

	/**
	 * TF-IDF weights read from the term vectors, the document frequencies looked up once
	 * per term.
	 */
	private static final class Weights {

		private final IndexReader reader;

		private final Map<BytesRef, Double> idf = new HashMap<>();

		private final int documents;

		Weights(IndexReader reader) {
			this.reader = reader;
			this.documents = reader.numDocs();
		}

		Map<BytesRef, Double> vector(int doc) throws IOException {
			Map<BytesRef, Double> vector = new HashMap<>();
			Terms terms = reader.termVectors().get(doc, SearchIndex.TEXT);
			if (terms == null) {
				return vector;
			}
			TermsEnum each = terms.iterator();
			for (BytesRef term = each.next(); term != null; term = each.next()) {
				BytesRef key = BytesRef.deepCopyOf(term);
				double weight = idf(key);
				if (weight > 0) {
					vector.put(key, weight * (1 + Math.log(each.totalTermFreq())));
				}
			}
			return unit(vector);
		}

		/**
		 * @return 0 for a term in one article only (it relates nothing) or too common
		 */
		private double idf(BytesRef term) throws IOException {
			Double known = idf.get(term);
			if (known == null) {
				int df = reader.docFreq(new Term(SearchIndex.TEXT, term));
				known = df < 2 || common(df, documents) ? 0 : Math.log(1 + (double) documents / df);
				idf.put(term, known);
			}
			return known;
		}

	}

	/**
	 * @return whether a term in {@code df} of {@code documents} articles is too common to
	 * relate any two; never on a site of fewer than {@value #FEW} articles, whose
	 * statistics are too thin to call a word common
	 */
	private static boolean common(int df, int documents) {
		return documents >= FEW && df * 100L > (long) documents * MAX_DOC_FREQ_PERCENT;
	}

	private static Map<BytesRef, Double> unit(Map<BytesRef, Double> vector) {
		double length = Math.sqrt(vector.values().stream().mapToDouble(w -> w * w).sum());
		if (length > 0) {
			vector.replaceAll((term, weight) -> weight / length);
		}
		return vector;
	}

	private static double cosine(Map<BytesRef, Double> a, Map<BytesRef, Double> b) {
		Map<BytesRef, Double> small = a.size() <= b.size() ? a : b;
		Map<BytesRef, Double> large = small == a ? b : a;
		double sum = 0;
		for (var entry : small.entrySet()) {
			Double other = large.get(entry.getKey());
			if (other != null) {
				sum += entry.getValue() * other;
			}
		}
		return sum;
	}

	private static Set<String> first(String[] values, int most) {
		Set<String> kept = new HashSet<>();
		Arrays.stream(values).distinct().limit(most).forEach(kept::add);
		return kept;
	}

	private static int shared(Set<String> own, String[] theirs) {
		return (int) Arrays.stream(theirs).distinct().filter(own::contains).count();
	}

	/**
	 * @return the language subtag ({@code pt} of {@code pt-BR}), lower case; the site's
	 * for an article without its own
	 */
	private String primary(String language) {
		String subtag = LanguageAnalyzers.language(language);
		return subtag != null ? subtag : Objects.requireNonNullElse(LanguageAnalyzers.language(siteLanguage), "");
	}

}
