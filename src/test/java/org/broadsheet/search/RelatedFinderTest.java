package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relevance bar and the preference for the article's own language. */
class RelatedFinderTest {

	@TempDir
	Path folder;

	@Test
	void anArticleInTheSameLanguageComesBeforeAnEquallyCloseOneInAnother() {
		var holder = new SearchIndexHolder(folder, ZoneOffset.UTC);
		try {
			var index = holder.index();
			index.index(article(1, "Kylian Mbappé Real Madrid Bernabéu", "", List.of()));
			index.index(article(2, "Kylian Mbappé Real Madrid Bernabéu", "fr", List.of()));
			index.index(article(3, "Kylian Mbappé Real Madrid Bernabéu", "en-GB", List.of()));
			index.index(article(4, "Harvest festival in the village", "", List.of()));
			index.commit(1);

			assertThat(new RelatedFinder("en").find(index, 1, 10_000, 4)).extracting(RelatedFinder.Found::id)
				.as("the site's language is English; the festival shares no word")
				.containsExactly(3L, 2L);
			assertThat(new RelatedFinder("en").find(index, 2, 10_000, 4)).extracting(RelatedFinder.Found::id)
				.containsExactly(1L, 3L);
			assertThat(new RelatedFinder("en").find(index, 4, 10_000, 4)).as("nothing passes the bar").isEmpty();
			assertThat(new RelatedFinder("en").find(index, 99, 10_000, 4)).as("not in the index").isEmpty();
		}
		finally {
			holder.destroy();
		}
	}

	private static IndexedArticle article(long id, String text, String language, List<String> tags) {
		return new IndexedArticle(id, "/news/" + id, text, "", text, "News", List.of(), tags, 1_000, language);
	}

}
