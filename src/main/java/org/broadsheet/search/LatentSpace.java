package org.broadsheet.search;

import java.io.IOException;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's current {@link LatentModel}, fitted again when the index has changed size by
 * a quarter since the last try, on the index follower's thread: at most
 * {@value LatentModel#MOST_ARTICLES} articles are read, about 20 s on a loaded 2-core
 * machine for that many, plus reading their term vectors. Without a model (fewer than
 * {@value #FEW_ARTICLES} articles, or a fit that failed, tried again only once the size
 * has changed by a quarter) related articles are scored as before, by TF-IDF alone.
 * Thread-safe.
 */
final class LatentSpace {

	private static final Logger log = LoggerFactory.getLogger(LatentSpace.class);

	/** Below this many articles, the space's dimensions would be single stories. */
	static final int FEW_ARTICLES = 200;

	/** Change in the number of articles, in percent, that calls for a new fit. */
	static final int REFIT_PERCENT = 25;

	private LatentModel model;

	/** The number of articles at the last fit or failed try; 0 before any. */
	private int tried;

	/**
	 * @param vectors the unit TF-IDF vectors of {@code reader}'s documents
	 * @return the model, fitted now when due; {@code null} when there is none
	 */
	synchronized LatentModel current(IndexReader reader, LatentModel.Vectors vectors) {
		int articles = reader.numDocs();
		if (articles < FEW_ARTICLES) {
			return null;
		}
		if (tried > 0 && Math.abs(articles - tried) * 100L < (long) tried * REFIT_PERCENT) {
			return model;
		}
		tried = articles;
		try {
			long started = System.nanoTime();
			model = LatentModel.fit(live(reader), vectors);
			log.info("Latent model for related articles fitted on {} articles in {} ms: {}", articles,
					(System.nanoTime() - started) / 1_000_000, model != null ? "in use" : "too few terms, not used");
		}
		catch (IOException | RuntimeException ex) {
			// Related lists go on with TF-IDF alone until the size has changed enough for
			// another try.
			log.warn("Latent model for related articles not fitted: {}", ex.toString());
			model = null;
		}
		return model;
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
