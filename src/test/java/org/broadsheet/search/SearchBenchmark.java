package org.broadsheet.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.springframework.util.FileSystemUtils;

/**
 * Index build rate, search latency and related-articles latency on generated articles
 * (Zipf-distributed synthetic vocabulary; ~430 words each; sections, authors, tags, five
 * years of dates). Searches go through {@link Search} with facets and highlighting,
 * related articles through {@link RelatedFinder} (every article asked once): what the
 * index follower spends per list it computes; readers read stored lists.
 *
 * <p>
 * Run: {@code scripts/benchmark-search.sh [sizes, default 1000,10000,100000]}
 */
public final class SearchBenchmark {

	private SearchBenchmark() {
	}

	private static final int QUERIES = 1000;

	private static final int WARM_UP = 300;

	public static void main(String[] args) throws Exception {
		int[] sizes = Arrays.stream((args.length > 0 ? args[0] : "1000,10000,100000").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		// Warm the JIT on a throwaway index, so that the smallest size measures
		// steady-state speed too.
		run(2000, false);
		System.out.printf("%-9s %14s %12s %12s %12s %12s %12s %12s %10s%n", "articles", "index art/s", "search p50",
				"search p95", "related p50", "related p95", "suggest p50", "suggest p95", "index MB");
		for (int size : sizes) {
			run(size, true);
		}
	}

	private static void run(int size, boolean report) throws Exception {
		var words = new Vocabulary(30_000, 42);
		Path folder = Files.createTempDirectory("bench-index");
		var holder = new SearchIndexHolder(folder, ZoneOffset.UTC);
		try {
			SearchIndex index = holder.index();
			var random = new Random(size);
			long indexNanos = 0;
			for (int from = 0; from < size; from += 1000) {
				List<IndexedArticle> batch = new ArrayList<>();
				for (int id = from + 1; id <= Math.min(size, from + 1000); id++) {
					batch.add(article(id, random, words));
				}
				long started = System.nanoTime();
				batch.forEach(index::index);
				indexNanos += System.nanoTime() - started;
			}
			long started = System.nanoTime();
			index.commit(1);
			indexNanos += System.nanoTime() - started;
			double rate = size / (indexNanos / 1e9);

			var search = new Search(holder, Clock.systemUTC(), new TopicSlugs(SearchBenchmark::topics));
			var queries = new Random(7);
			for (int i = 0; i < WARM_UP; i++) {
				search.search(query(queries, words));
			}
			long[] searchTimes = new long[QUERIES];
			for (int i = 0; i < QUERIES; i++) {
				var q = query(queries, words);
				long t = System.nanoTime();
				search.search(q);
				searchTimes[i] = System.nanoTime() - t;
			}

			// Type-ahead as typed: a word and the start of the next, or the first letters
			// of one.
			for (int i = 0; i < WARM_UP; i++) {
				search.suggest(typed(queries, words));
			}
			long[] suggestTimes = new long[QUERIES];
			for (int i = 0; i < QUERIES; i++) {
				String typed = typed(queries, words);
				long t = System.nanoTime();
				search.suggest(typed);
				suggestTimes[i] = System.nanoTime() - t;
			}

			var related = new RelatedFinder("en");
			long now = Clock.systemUTC().millis();
			int asks = Math.min(size, WARM_UP + QUERIES);
			List<Integer> ids = new ArrayList<>();
			for (int i = 1; i <= size; i++) {
				ids.add(i);
			}
			Collections.shuffle(ids, new Random(11));
			long[] relatedTimes = new long[Math.max(1, asks - WARM_UP)];
			for (int i = 0; i < asks; i++) {
				long t = System.nanoTime();
				related.find(index, ids.get(i), now, RelatedLists.NEIGHBOURS);
				if (i >= WARM_UP) {
					relatedTimes[i - WARM_UP] = System.nanoTime() - t;
				}
			}
			long bytes;
			try (var files = Files.walk(folder)) {
				bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
			}
			if (!report) {
				return;
			}
			System.out.printf("%-9d %14.0f %10.2fms %10.2fms %10.2fms %10.2fms %10.2fms %10.2fms %10d%n", size, rate,
					percentile(searchTimes, 50), percentile(searchTimes, 95), percentile(relatedTimes, 50),
					percentile(relatedTimes, 95), percentile(suggestTimes, 50), percentile(suggestTimes, 95),
					bytes / 1_000_000);
		}
		finally {
			holder.destroy();
			FileSystemUtils.deleteRecursively(folder);
		}
	}

	private static IndexedArticle article(int id, Random random, Vocabulary words) {
		return new IndexedArticle(id, "/news/article-" + id, capitalised(words.text(random, 8)), words.text(random, 25),
				words.text(random, 400), "Section " + random.nextInt(8),
				List.of("Author " + random.nextInt(500), "Author " + random.nextInt(500))
					.subList(0, 1 + random.nextInt(2)),
				List.of("Tag " + random.nextInt(2000), "Tag " + random.nextInt(2000), "Tag " + random.nextInt(2000))
					.subList(0, random.nextInt(4)),
				1_500_000_000_000L + (long) (random.nextDouble() * 5 * 365 * 86_400_000L), null);
	}

	/**
	 * One to three words, sometimes a phrase, sometimes with a section filter, sometimes
	 * newest first.
	 */
	private static SearchQuery query(Random random, Vocabulary words) {
		int n = 1 + random.nextInt(3);
		List<String> terms = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			terms.add(words.word(50 + random.nextInt(5000)));
		}
		String text = String.join(" ", terms);
		if (random.nextInt(5) == 0) {
			text = "\"" + text + "\"";
		}
		String section = random.nextInt(5) == 0 ? "section-" + random.nextInt(8) : null;
		return new SearchQuery(text, section, null, null, null, random.nextInt(4) == 0, 1, 10);
	}

	/** One to five letters of a word, sometimes after a whole word. */
	private static String typed(Random random, Vocabulary words) {
		String word = words.word(random.nextInt(5000));
		String start = word.substring(0, Math.min(word.length(), 1 + random.nextInt(5)));
		return random.nextBoolean() ? start : words.word(random.nextInt(5000)) + " " + start;
	}

	/** The generated sections' and tags' slugs ("section-3" for "Section 3"). */
	private static TopicSlugs.Topics topics() {
		Map<String, String> sections = new HashMap<>();
		for (int i = 0; i < 8; i++) {
			sections.put("section-" + i, "Section " + i);
		}
		Map<String, String> tags = new HashMap<>();
		for (int i = 0; i < 2000; i++) {
			tags.put("tag-" + i, "Tag " + i);
		}
		return new TopicSlugs.Topics(TopicSlugs.Names.of(sections), TopicSlugs.Names.of(tags));
	}

	private static double percentile(long[] nanos, int percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** Made-up words drawn with Zipf's law, as words in real text are. */
	private static final class Vocabulary {

		private final String[] words;

		private final double[] cumulative;

		Vocabulary(int size, long seed) {
			var random = new Random(seed);
			String[] syllables = { "ka", "lo", "mi", "ren", "tor", "sa", "vel", "qui", "dan", "po", "ser", "lin", "mar",
					"tek", "ov", "ra", "zu", "bel", "cho", "fen" };
			var seen = new HashSet<String>();
			words = new String[size];
			for (int i = 0; i < size;) {
				StringBuilder w = new StringBuilder();
				for (int s = 0, len = 1 + random.nextInt(4); s < len; s++) {
					w.append(syllables[random.nextInt(syllables.length)]);
				}
				if (seen.add(w.toString())) {
					words[i++] = w.toString();
				}
			}
			cumulative = new double[size];
			double sum = 0;
			for (int i = 0; i < size; i++) {
				sum += 1.0 / (i + 1);
				cumulative[i] = sum;
			}
			for (int i = 0; i < size; i++) {
				cumulative[i] /= sum;
			}
		}

		String word(int rank) {
			return words[Math.min(rank, words.length - 1)];
		}

		String text(Random random, int count) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < count; i++) {
				int rank = Arrays.binarySearch(cumulative, random.nextDouble());
				text.append(i == 0 ? "" : " ").append(words[rank < 0 ? -rank - 1 : rank]);
			}
			return text.toString();
		}

	}

}
