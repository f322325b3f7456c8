package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.Test;

/** Pages the page cache kept before this node's index had caught up follow the index. */
class IndexedPagesTest {

	@Test
	void anArticlePageCachedBeforeTheIndexHadItsNeighboursShowsItsRelatedArticlesOnceItHas() {
		// The index follows only when told to here, so the page is cached before it has
		// anything.
		try (var site = RunningSite.start(TestDatabases.newDataFolder(), "--broadsheet.search.follow=false")) {
			String first = TestArticles.publish(site, "Harbour cranes idle", Instant.parse("2026-01-01T00:00:00Z"));
			TestArticles.publish(site, "Harbour cranes restart", Instant.parse("2026-01-02T00:00:00Z"));
			var before = site.get(first).html();
			assertThat(before.select(".related")).isEmpty();
			assertThat(site.get(first).html().select(".related")).as("served from the cache").isEmpty();

			site.bean(IndexFollower.class).catchUp();

			assertThat(site.get(first).html().select(".related a").eachText()).contains("Harbour cranes restart");
		}
	}

}
