package org.broadsheet.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.util.FileSystemUtils;

/**
 * Measures related-article quality on the labelled BBC News corpus: for every article,
 * the share of its 4 related articles that are in the same category (precision@4),
 * averaged over all articles. Exact duplicates listed in {@code duplicates.tsv} are left
 * out (the first of each group is kept). Categories are never given to the index: every
 * article has the same section, no tags, no authors and the same date, so only the text
 * decides.
 *
 * <p>
 * Run: {@code scripts/evaluate-related.sh [../shared/corpus/news/bbc]}
 */
public final class RelatedEvaluation {

	private RelatedEvaluation() {
	}

	public static void main(String[] args) throws IOException {
		Path corpus = Path.of(args.length > 0 ? args[0] : "../shared/corpus/news/bbc");
		Set<String> duplicates = duplicates(corpus.resolve("duplicates.tsv"));
		Map<Long, String> category = new HashMap<>();
		List<IndexedArticle> docs = new ArrayList<>();
		long published = Instant.parse("2005-01-01T00:00:00Z").toEpochMilli();
		for (String line : Files.readAllLines(corpus.resolve("index.tsv"))
			.subList(1, Files.readAllLines(corpus.resolve("index.tsv")).size())) {
			String[] cols = line.split("\t");
			if (duplicates.contains(cols[0])) {
				continue;
			}
			String text = Files.readString(corpus.resolve(cols[0] + ".txt"), StandardCharsets.UTF_8).strip();
			String[] parts = text.split("\\R\\s*\\R", 3);
			long id = docs.size() + 1;
			category.put(id, cols[1]);
			docs.add(new IndexedArticle(id, "/bbc/" + cols[0], parts[0].strip(),
					parts.length > 1 ? parts[1].strip() : "", parts.length > 2 ? parts[2].strip() : "", "News",
					List.of(), List.of(), published, ""));
		}
		Path folder = Files.createTempDirectory("bbc-index");
		var holder = new SearchIndexHolder(folder, ZoneOffset.UTC);
		try {
			docs.forEach(holder.index()::index);
			holder.index().commit(1);
			// As RelatedLists: with the site's latent space;
			// -Dbroadsheet.related.latent=false
			// measures TF-IDF alone (the fallback).
			var related = new RelatedFinder("en",
					Boolean.parseBoolean(System.getProperty("broadsheet.related.latent", "true")) ? new LatentSpace()
							: null);
			long now = Clock.systemUTC().millis();
			Map<String, Tally> perCategory = new TreeMap<>();
			var all = new Tally();
			long started = System.nanoTime();
			for (var doc : docs) {
				List<Long> ids = related.find(holder.index(), doc.id(), now, 4)
					.stream()
					.map(RelatedFinder.Found::id)
					.toList();
				String own = category.get(doc.id());
				int relevant = (int) ids.stream().filter(id -> own.equals(category.get(id))).count();
				all.add(relevant, ids.size());
				perCategory.computeIfAbsent(own, k -> new Tally()).add(relevant, ids.size());
			}
			double ms = (System.nanoTime() - started) / 1e6;
			System.out.printf("articles: %d (left out %d exact duplicates)%n", docs.size(), duplicates.size());
			perCategory.forEach((name, tally) -> System.out.printf("  %-14s %s%n", name, tally));
			System.out.printf("all            %s%n", all);
			System.out.printf("precision@4 = %.4f%n", all.precision());
			System.out.printf("related computed in %.2f ms per article on average%n", ms / docs.size());
		}
		finally {
			holder.destroy();
			FileSystemUtils.deleteRecursively(folder);
		}
	}

	/**
	 * Precision over the shown items of each non-empty list, averaged over those lists.
	 */
	private static final class Tally {

		private double precisionSum;

		private int articles;

		private int shown;

		private int relevant;

		private int shortened;

		private int empty;

		void add(int relevantShown, int listLength) {
			articles++;
			shown += listLength;
			relevant += relevantShown;
			if (listLength < 4) {
				shortened++;
			}
			if (listLength == 0) {
				empty++;
			}
			else {
				precisionSum += relevantShown / (double) listLength;
			}
		}

		double precision() {
			return articles == empty ? 0 : precisionSum / (articles - empty);
		}

		@Override
		public String toString() {
			return String.format(
					"precision@4 = %.4f (over shown: %.4f; %d articles, shortened %.1f%%, empty %.1f%%, average length %.2f)",
					precision(), shown == 0 ? 0 : relevant / (double) shown, articles, 100.0 * shortened / articles,
					100.0 * empty / articles, shown / (double) articles);
		}

	}

	/**
	 * @return every id of each duplicate group except the first
	 */
	private static Set<String> duplicates(Path file) throws IOException {
		Set<String> leaveOut = new HashSet<>();
		for (String line : Files.readAllLines(file)) {
			if (line.startsWith("#") || line.isBlank()) {
				continue;
			}
			String[] ids = line.strip().split("\t");
			for (int i = 1; i < ids.length; i++) {
				leaveOut.add(ids[i]);
			}
		}
		return leaveOut;
	}

}
