package org.broadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.TransactionException;

/**
 * SQLite under another writer: reads go on, a write that cannot get the lock fails
 * cleanly, and no pooled connection is left broken afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class SqliteLockingTest {

	static final Path DATA = TestDatabases.newDataFolder();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.sqlite(registry, DATA);
		registry.add("spring.datasource.url",
				() -> "jdbc:sqlite:" + DATA + "/broadsheet.db?journal_mode=WAL&busy_timeout=2000&foreign_keys=true");
	}

	@Autowired
	ArticleWorkflow workflow;

	@Autowired
	PublishedArticles published;

	@Test
	void readsDoNotWaitForAWriterAndALockTimeoutBreaksNothing() throws Exception {
		workflow.store(TestArticles.ACTOR, draft("Before the lock"));
		try (var other = DriverManager.getConnection("jdbc:sqlite:" + DATA + "/broadsheet.db");
				var statement = other.createStatement()) {
			statement.execute("BEGIN IMMEDIATE");
			long started = System.nanoTime();
			for (int i = 0; i < 20; i++) {
				assertThat(published.latest(1, 10).items()).isNotEmpty();
			}
			assertThat((System.nanoTime() - started) / 1_000_000).as("reads took ms").isLessThan(2_000);
			for (int i = 0; i < 2; i++) {
				int n = i;
				// The writer's BEGIN IMMEDIATE times out on the lock (SQLITE_BUSY),
				// nothing else.
				assertThatThrownBy(() -> workflow.store(TestArticles.ACTOR, draft("Blocked " + n)))
					.isInstanceOfAny(DataAccessException.class, TransactionException.class)
					.satisfies(ex -> assertThat(NestedExceptionUtils.getMostSpecificCause(ex))
						.hasMessageContaining("SQLITE_BUSY"));
			}
			statement.execute("ROLLBACK");
		}
		for (int i = 0; i < 30; i++) {
			workflow.store(TestArticles.ACTOR, draft("After the lock " + i));
			assertThat(published.latest(1, 10).items()).isNotEmpty();
		}
		assertThat(published.latest(1, 100).items()).extracting(t -> t.title()).contains("After the lock 29");
	}

	@Test
	void concurrentWritersQueueInsteadOfFailing() throws Exception {
		var pool = Executors.newFixedThreadPool(6);
		try {
			var futures = new ArrayList<Future<?>>();
			for (int writer = 0; writer < 4; writer++) {
				int w = writer;
				futures.add(pool.submit(() -> {
					for (int i = 0; i < 15; i++) {
						workflow.store(TestArticles.ACTOR, draft("Concurrent " + w + "-" + i));
					}
				}));
			}
			for (int reader = 0; reader < 2; reader++) {
				futures.add(pool.submit(() -> {
					for (int i = 0; i < 30; i++) {
						published.latest(1, 10);
					}
				}));
			}
			for (var future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(published.latest(1, 200).items()).filteredOn(t -> t.title().startsWith("Concurrent ")).hasSize(60);
	}

	private static ArticleDraft draft(String title) {
		return new ArticleDraft(null, title, "Locking", List.of(AuthorProfile.named("Writer")), null, "Text", null,
				List.of(), null, ArticleStatus.PUBLISHED, Instant.parse("2024-01-01T00:00:00Z"), null, null);
	}

}
