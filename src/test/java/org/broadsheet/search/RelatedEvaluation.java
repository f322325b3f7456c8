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
					List.of(), List.of(), published));
		}
		Path folder = Files.createTempDirectory("bbc-index");
		var holder = new SearchIndexHolder(folder, ZoneOffset.UTC);
		try {
			docs.forEach(holder.index()::index);
			holder.index().commit(1);
			var related = new RelatedArticles(holder, Clock.systemUTC());
			double sum = 0;
			Map<String, double[]> perCategory = new TreeMap<>();
			long started = System.nanoTime();
			for (var doc : docs) {
				List<Long> ids = related.related(doc.id(), 4);
				String own = category.get(doc.id());
				double precision = ids.stream().filter(id -> own.equals(category.get(id))).count() / 4.0;
				sum += precision;
				double[] acc = perCategory.computeIfAbsent(own, k -> new double[2]);
				acc[0] += precision;
				acc[1]++;
			}
			double ms = (System.nanoTime() - started) / 1e6;
			System.out.printf("articles: %d (left out %d exact duplicates)%n", docs.size(), duplicates.size());
			perCategory.forEach((name, acc) -> System.out.printf("  %-14s precision@4 = %.4f (%d articles)%n", name,
					acc[0] / acc[1], (int) acc[1]));
			System.out.printf("precision@4 = %.4f%n", sum / docs.size());
			System.out.printf("related computed in %.2f ms per article on average%n", ms / docs.size());
		}
		finally {
			holder.destroy();
			FileSystemUtils.deleteRecursively(folder);
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
