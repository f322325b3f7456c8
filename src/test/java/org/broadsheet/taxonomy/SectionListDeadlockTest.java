package org.broadsheet.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;

import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lock-order deadlock found under 64 readers, made deterministic on a one-connection
 * pool: a reader outside any transaction starts loading the section list and waits for a
 * connection, while the reader holding the only connection (inside a read transaction)
 * asks for the same list. Before, the second waited on the cache's lock for the first,
 * which waited for the second's connection, until the pool's timeout failed the first.
 * Now each loads on its own.
 */
class SectionListDeadlockTest {

	@Test
	void aLoaderWaitingForAConnectionNeverBlocksTheReaderHoldingIt() throws Exception {
		try (var site = RunningSite.start(TestDatabases.newDataFolder(),
				"--spring.datasource.hikari.maximum-pool-size=1", "--spring.datasource.hikari.connection-timeout=3000",
				"--broadsheet.taxonomy.sections-ttl=1ms", "--broadsheet.search.follow=false",
				"--broadsheet.cache.follow=false", "--broadsheet.workflow.clock=false")) {
			var taxonomy = site.bean(Taxonomy.class);
			taxonomy.section("Harbour");
			var pool = site.bean(HikariDataSource.class).getHikariPoolMXBean();
			var transactions = new TransactionTemplate(site.bean(PlatformTransactionManager.class));
			transactions.setReadOnly(true);
			var holding = new CountDownLatch(1);
			var release = new CountDownLatch(1);
			var holder = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
				taxonomy.sectionBySlug("harbour");
				holding.countDown();
				await().atMost(Duration.ofSeconds(10)).until(() -> release.getCount() == 0);
				return taxonomy.sections();
			}));
			assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
			var waiter = CompletableFuture.supplyAsync(taxonomy::sections);
			await().atMost(Duration.ofSeconds(5)).until(() -> pool.getThreadsAwaitingConnection() == 1);
			release.countDown();
			List<Section> held = holder.get(10, TimeUnit.SECONDS);
			assertThat(held).extracting(Section::name).containsExactly("Harbour");
			assertThat(waiter.get(5, TimeUnit.SECONDS)).extracting(Section::name).containsExactly("Harbour");
		}
	}

}
