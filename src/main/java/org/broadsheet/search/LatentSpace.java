package org.broadsheet.search;

import java.io.IOException;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's current {@link LatentModel}, fitted again when the index has changed size by
 * a quarter since the last fit (on the index follower's thread, a few seconds on a site
 * of 100,000 articles: at most {@value LatentModel#MOST_ARTICLES} are read). Without a
 * model (fewer than {@value #FEW_ARTICLES} articles, or a fit that failed) related
 * articles are scored as before, by TF-IDF alone. Thread-safe.
 */
final class LatentSpace {

	private static final Logger log = LoggerFactory.getLogger(LatentSpace.class);

	/** Below this many articles, the space's dimensions would be single stories. */
	static final int FEW_ARTICLES = 200;

	/** Change in the number of articles, in percent, that calls for a new fit. */
	static final int REFIT_PERCENT = 25;

	private volatile LatentModel model;

	/**
	 * @param vectors the unit TF-IDF vectors of {@code reader}'s documents
	 * @return the model, fitted now when due; {@code null} when there is none
	 */
	LatentModel current(IndexReader reader, LatentModel.Vectors vectors) {
		LatentModel known = model;
		int articles = reader.numDocs();
		if (articles < FEW_ARTICLES) {
			return null;
		}
		if (known != null && Math.abs(articles - known.articles()) * 100L < (long) known.articles() * REFIT_PERCENT) {
			return known;
		}
		synchronized (this) {
			if (model != known) {
				return model;
			}
			try {
				long started = System.nanoTime();
				model = LatentModel.fit(live(reader), vectors);
				log.info("Latent model for related articles fitted on {} articles in {} ms", articles,
						(System.nanoTime() - started) / 1_000_000);
			}
			catch (IOException | RuntimeException ex) {
				// Related lists go on with TF-IDF alone; the next list tries again.
				log.warn("Latent model for related articles not fitted: {}", ex.toString());
				model = null;
			}
			return model;
		}
	}

	private static int[] live(IndexReader reader) {
		Bits liveDocs = MultiBits.getLiveDocs(reader);
		int[] docs = new int[reader.numDocs()];
		int n = 0;
		for (int doc = 0; doc < reader.maxDoc() && n < docs.length; doc++) {
			if (liveDocs == null || liveDocs.get(doc)) {
				docs[n++] = doc;
			}
		}
		return docs;
	}

}
