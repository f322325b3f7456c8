package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.SavedArticle;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.settings.SettingsStore;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Related lists stored in the database by the index follower, on a running site: empty
 * for an article with nothing related (no "Related" block on its page), and taking in a
 * newer related article when it is published, with the older article's cached page
 * evicted. Subclasses give the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RelatedListsContract {

	private static final Duration WAIT = Duration.ofSeconds(20);

	/** Evictions of the lists written by hand here: this test reads the database. */
	private static final ApplicationEventPublisher EVICTED_ELSEWHERE = event -> {
	};

	RunningSite site;

	JdbcClient jdbc;

	/**
	 * @return Spring options giving the site a new, empty database
	 */
	abstract List<String> databaseOptions();

	@BeforeAll
	void start() {
		site = RunningSite.start(TestDatabases.newDataFolder(), databaseOptions().toArray(String[]::new));
		jdbc = site.bean(JdbcClient.class);
	}

	@AfterAll
	void stop() {
		site.close();
	}

	@Test
	void anArticleWithNothingRelatedHasAnEmptyListAndItsPageNoRelatedBlock() {
		Saved cranes = publish("Harbour cranes stand idle in Rotterdam",
				"Dock workers at the Rotterdam harbour say the container cranes have stood idle for a week.", null);
		Saved restart = publish("Rotterdam harbour cranes restart",
				"The container cranes of the Rotterdam harbour restarted after a week idle, dock workers say.", null);
		Saved russian = publish("Электростанция на Волге", "Новая электростанция на Волге даёт ток городам области.",
				"ru");

		awaitComputed(cranes, restart, russian);

		assertThat(stored(russian)).isEmpty();
		assertThat(site.bean(RelatedArticles.class).related(russian.id(), 4)).isEmpty();
		assertThat(site.get(russian.path()).html().select(".related")).isEmpty();
		assertThat(stored(cranes)).containsExactly(restart.id());
		assertThat(site.get(cranes.path()).html().select(".related a").eachText()).contains(restart.title())
			.doesNotContain(russian.title());
	}

	@Test
	void aNewerRelatedArticleJoinsTheStoredListOfAnOlderOneAndItsPage() {
		Saved tidal = publish("Tidal power station opens on the Severn",
				"The Severn tidal power station began feeding turbines from the estuary's tides.", null);
		Saved choir = publish("Village choir wins the national final",
				"A village choir sang its way to the national final's trophy on Saturday.", null);
		awaitComputed(tidal, choir);
		assertThat(stored(tidal)).doesNotContain(choir.id());
		assertThat(site.get(tidal.path()).html().select(".related")).as("cached without it").isEmpty();

		Saved expands = publish("Severn tidal power station expands",
				"More turbines join the Severn tidal power station as the estuary's tides prove reliable.", null);

		await().atMost(WAIT).untilAsserted(() -> assertThat(stored(tidal)).containsExactly(expands.id()));
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(site.get(tidal.path()).html().select(".related a").eachText())
				.contains(expands.title())
				.doesNotContain(choir.title()));
		assertThat(stored(expands)).containsExactly(tidal.id());
		assertThat(stored(choir)).doesNotContain(expands.id(), tidal.id());
		// The changed list evicts the article's own page alone, not every page showing
		// it.
		assertThat(purged("related:" + tidal.id())).isPositive();
		assertThat(purged("article:" + tidal.id())).isZero();
	}

	@Test
	void aListThatCannotBeWrittenIsComputedAgainAndTheOthersGoOn() {
		Saved ferry = publish("Night ferry to Orkney returns",
				"The night ferry to Orkney returns to service after the winter storms.", null);
		Saved ferries = publish("Orkney ferry timetable for winter",
				"The Orkney ferry sails a winter timetable after the storms, the operator says.", null);
		awaitComputed(ferry, ferries);
		jdbc.sql("DELETE FROM related_list WHERE article_id = ?").param(ferry.id()).update();
		var down = new TransactionTemplate(site.bean(PlatformTransactionManager.class)) {
			@Override
			public <T> T execute(TransactionCallback<T> action) {
				throw new CannotCreateTransactionException("database away");
			}
		};
		var lists = new RelatedLists(jdbc, down, EVICTED_ELSEWHERE, site.bean(PublishedArticles.class),
				Clock.systemUTC(), site.bean(SettingsStore.class), "en");
		SearchIndex index = site.bean(SearchIndexHolder.class).index();

		lists.refresh(index, List.of(ferry.id(), ferries.id()));

		var up = new RelatedLists(jdbc, site.bean(TransactionTemplate.class), EVICTED_ELSEWHERE,
				site.bean(PublishedArticles.class), Clock.systemUTC(), site.bean(SettingsStore.class), "en");
		up.backfill(index);
		assertThat(computed(ferry)).as("recomputed by the backfill").isTrue();
		assertThat(stored(ferry)).containsExactly(ferries.id());
	}

	@Test
	void concurrentWritersOfOneListTakeTurns() throws Exception {
		Saved bridge = publish("Old bridge closes for repairs",
				"The old stone bridge over the river closes for repairs until spring.", null);
		awaitComputed(bridge);
		var lists = site.bean(RelatedLists.class);
		List<Long> others = jdbc.sql("SELECT id FROM article WHERE id <> ? ORDER BY id LIMIT 4")
			.param(bridge.id())
			.query(Long.class)
			.list();
		var pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> writes = new ArrayList<>();
			List<Long> shorter = List.of(others.get(1), others.get(0));
			for (int i = 0; i < 40; i++) {
				List<Long> list = i % 2 == 0 ? others : shorter;
				writes.add(pool.submit(() -> lists.store(bridge.id(), list)));
			}
			for (Future<?> write : writes) {
				write.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(stored(bridge)).isIn(others, List.of(others.get(1), others.get(0)));
	}

	/** A published article and its title. */
	private record Saved(long id, String path, String title) {
	}

	private Saved publish(String title, String body, String language) {
		SavedArticle saved = site.bean(ArticleWorkflow.class)
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, title, "Talk", List.of(AuthorProfile.named("Staff")), body, body, null,
							List.of(), language, ArticleStatus.PUBLISHED, Instant.parse("2026-01-01T00:00:00Z"), null,
							null));
		return new Saved(saved.id(), saved.path(), title);
	}

	private void awaitComputed(Saved... articles) {
		for (Saved article : articles) {
			await().atMost(WAIT)
				.until(() -> jdbc.sql("SELECT COUNT(*) FROM related_list WHERE article_id = ?")
					.param(article.id())
					.query(Integer.class)
					.single() == 1);
		}
	}

	private int purged(String keys) {
		return jdbc.sql("SELECT COUNT(*) FROM purge_log WHERE keys = ?").param(keys).query(Integer.class).single();
	}

	private boolean computed(Saved article) {
		return jdbc.sql("SELECT COUNT(*) FROM related_list WHERE article_id = ?")
			.param(article.id())
			.query(Integer.class)
			.single() == 1;
	}

	private List<Long> stored(Saved article) {
		return jdbc.sql("SELECT related_id FROM related_article WHERE article_id = ? ORDER BY position")
			.param(article.id())
			.query(Long.class)
			.list();
	}

}
