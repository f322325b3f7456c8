package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Related articles for an article with far more tags and authors than the rules allow
 * (stored before they existed, or by another version): the query stays under Lucene's
 * clause limit instead of failing the article page with a 500 (issue 10, item 7).
 */
class RelatedArticlesLimitTest {

	@TempDir
	Path folder;

	@Test
	void anArticleWithThousandsOfTagsAndAuthorsStillHasRelatedArticles() throws Exception {
		List<String> tags = IntStream.rangeClosed(1, 2_000).mapToObj(i -> "tag " + i).toList();
		List<String> authors = IntStream.rangeClosed(1, 1_000).mapToObj(i -> "Writer " + i).toList();
		assertThat(tags.size() + authors.size()).isGreaterThan(IndexSearcher.getMaxClauseCount());
		var holder = new SearchIndexHolder(folder, ZoneOffset.UTC);
		try {
			var index = holder.index();
			add(index, new IndexedArticle(1, "/news/crowded", "Harbour cranes everywhere", "Cranes",
					"Harbour cranes arrive.", "News", authors, tags, 1_000, ""));
			add(index, new IndexedArticle(2, "/news/neighbour", "Harbour cranes again", "Cranes",
					"More harbour cranes.", "News", List.of("Writer 7"), List.of("tag 3"), 2_000, ""));
			add(index, new IndexedArticle(3, "/news/other", "Choir sings", "Music", "A choir sang.", "News",
					List.of("Someone"), List.of("music"), 3_000, ""));
			index.commit(1);
			assertThat(new RelatedFinder("en").find(index, 1, Clock.systemUTC().millis(), 4))
				.extracting(RelatedFinder.Found::id)
				.containsExactly(2L);
		}
		finally {
			holder.destroy();
		}
	}

	private static void add(SearchIndex index, IndexedArticle article) {
		index.index(article);
	}

}
