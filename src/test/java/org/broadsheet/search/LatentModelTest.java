package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latent model relates articles of one topic that share no word, its fallback when
 * there is none, and its reuse until the index changes size.
 */
class LatentModelTest {

	@TempDir
	Path folder;

	@Test
	void articlesOfOneTopicAreCloseEvenWithoutACommonWord() throws IOException {
		// As many topics as dimensions, each its own 30 words: the space is the topics.
		String[] topics = { "goal", "bond", "film", "vote", "chip", "rain", "rail", "farm", "cell", "poem" };
		assertThat(topics).hasSize(LatentModel.DIMENSIONS);
		List<Map<BytesRef, Double>> vectors = new ArrayList<>();
		var random = new Random(1);
		for (int i = 0; i < 200; i++) {
			vectors.add(vector(random, topics[i % topics.length], 8));
		}
		int[] docs = new int[vectors.size()];
		for (int i = 0; i < docs.length; i++) {
			docs[i] = i;
		}
		var model = LatentModel.fit(docs, vectors::get);

		assertThat(model).isNotNull();
		float[] football = model.project(vector("goal1", "goal2"));
		assertThat(LatentModel.cosine(football, model.project(vector("goal3", "goal4"))))
			.as("no word in common, one topic")
			.isGreaterThan(0.9);
		assertThat(LatentModel.cosine(football, model.project(vector("bond3", "bond4")))).isLessThan(0.1);
		assertThat(model.project(vector("unknown"))).as("folded in without a known term").containsOnly(0f);
		assertThat(model.articles()).isEqualTo(200);
	}

	@Test
	void tooFewTermsGiveNoModel() throws IOException {
		assertThat(LatentModel.fit(new int[] { 0, 1 }, doc -> vector("goal1"))).isNull();
	}

	@Test
	void aSmallSiteHasNoModelAndABigOneKeepsItsModelUntilItGrows() throws IOException {
		var holder = new SearchIndexHolder(folder, ZoneOffset.UTC);
		try {
			var index = holder.index();
			var random = new Random(2);
			for (int i = 1; i <= LatentSpace.FEW_ARTICLES; i++) {
				index.index(article(i, words(random, i % 2 == 0 ? "goal" : "bond", 12)));
			}
			index.commit(1);
			var space = new LatentSpace();
			List<RelatedFinder.Found> found = new RelatedFinder("en", space).find(index, 2, 10_000, 4);
			assertThat(found).hasSize(4).allSatisfy(f -> assertThat(f.id() % 2).as("the same topic").isZero());
			var snapshot = index.acquire();
			try {
				assertThat(space.current(snapshot.searcher().getIndexReader(), doc -> {
					throw new IOException("not read again");
				})).as("fitted by the finder, kept while the index keeps its size").isNotNull();
			}
			finally {
				index.release(snapshot);
			}
		}
		finally {
			holder.destroy();
		}
	}

	@Test
	void aFailedFitFallsBackToTfIdf() throws IOException {
		var holder = new SearchIndexHolder(folder, ZoneOffset.UTC);
		try {
			var index = holder.index();
			var random = new Random(3);
			for (int i = 1; i <= LatentSpace.FEW_ARTICLES; i++) {
				index.index(article(i, words(random, "goal", 12)));
			}
			index.commit(1);
			var snapshot = index.acquire();
			try {
				var reader = snapshot.searcher().getIndexReader();
				var space = new LatentSpace();
				assertThat(space.current(reader, doc -> {
					throw new IOException("disk gone");
				})).isNull();
				assertThat(space.current(reader, doc -> {
					throw new AssertionError("tried again at the same size");
				})).isNull();
			}
			finally {
				index.release(snapshot);
			}
			var small = new SearchIndexHolder(folder.resolve("small"), ZoneOffset.UTC);
			try {
				small.index().index(article(1, "goal1 goal2"));
				small.index().commit(1);
				var smallSnapshot = small.index().acquire();
				try {
					assertThat(new LatentSpace().current(smallSnapshot.searcher().getIndexReader(), doc -> Map.of()))
						.as("fewer than %d articles", LatentSpace.FEW_ARTICLES)
						.isNull();
				}
				finally {
					small.index().release(smallSnapshot);
				}
			}
			finally {
				small.destroy();
			}
		}
		finally {
			holder.destroy();
		}
	}

	private static String words(Random random, String topic, int count) {
		var text = new StringBuilder();
		for (int i = 0; i < count; i++) {
			text.append(topic).append(random.nextInt(30)).append(' ');
		}
		return text.toString();
	}

	private static Map<BytesRef, Double> vector(Random random, String topic, int count) {
		return vector(words(random, topic, count).split(" "));
	}

	private static Map<BytesRef, Double> vector(String... words) {
		Map<BytesRef, Double> vector = new HashMap<>();
		for (String word : words) {
			vector.merge(new BytesRef(word), 1.0, Double::sum);
		}
		double length = Math.sqrt(vector.values().stream().mapToDouble(w -> w * w).sum());
		vector.replaceAll((term, weight) -> weight / length);
		return vector;
	}

	private static IndexedArticle article(long id, String text) {
		return new IndexedArticle(id, "/news/" + id, text, "", text, "News", List.of(), List.of(), 1_000, "");
	}

}
