package org.broadsheet.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.Varnish;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Purging a real Varnish (docs/varnish.vcl) from two nodes on one database: node A with
 * the Varnish adapter, node B with the generic HTTP adapter set up to send the same
 * {@code BAN}s. A change on either node is fresh through Varnish within 2 seconds, each
 * change is purged exactly once, and a purge made while Varnish is down is sent when it
 * is back. Subclasses give the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CdnPurgeContract {

	/**
	 * @return options that put both nodes on one database; {@code first} is node A's data
	 * folder
	 */
	abstract List<String> sharedDatabase(Path first);

	Varnish varnish;

	RunningSite a;

	RunningSite b;

	@BeforeAll
	void start() {
		assumeTrue(Varnish.installed(), "varnishd is not installed (apt-get install varnish)");
		varnish = Varnish.create();
		Path dataA = TestDatabases.newDataFolder();
		var shared = sharedDatabase(dataA);
		a = RunningSite.start(dataA,
				// Only B looks for what is left over: a change B makes is sent by B, so
				// each
				// adapter is exercised for sure; A sends its own changes, and B retries
				// them.
				options(shared, "--broadsheet.cdn.purger=varnish", "--broadsheet.cdn.varnish=" + varnish.url(),
						"--broadsheet.cdn.retry-interval=1h"));
		b = RunningSite.start(TestDatabases.newDataFolder(),
				options(shared, "--broadsheet.cdn.purger=http", "--broadsheet.cdn.http.url=" + varnish.url() + "/",
						"--broadsheet.cdn.http.method=BAN", "--broadsheet.cdn.http.keys-header=X-Purge-Keys"));
		publish(a, "Harbour opens", "Harbours");
		varnish.start(List.of(a.port(), b.port()));
	}

	private static String[] options(List<String> shared, String... more) {
		var options = new ArrayList<>(shared);
		options.addAll(List.of("--broadsheet.cache.poll-interval=200ms", "--broadsheet.cdn.settle=500ms"));
		options.addAll(List.of(more));
		if (options.stream().noneMatch(option -> option.startsWith("--broadsheet.cdn.retry-interval="))) {
			options.add("--broadsheet.cdn.retry-interval=200ms");
		}
		return options.toArray(String[]::new);
	}

	@AfterAll
	void stop() {
		if (varnish != null) {
			varnish.close();
			b.close();
			a.close();
		}
	}

	private static void publish(RunningSite node, String title, String section) {
		node.bean(ArticleWorkflow.class)
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, title, section, List.of(AuthorProfile.named("Ada Quay")),
							"Standfirst of " + title, "Body of " + title, null, List.of("Docks"), null,
							ArticleStatus.PUBLISHED, Instant.now().minus(1, ChronoUnit.HOURS), null, null));
	}

	private long unsent() {
		return a.bean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM purge_log WHERE purged_at IS NULL")
			.query(Long.class)
			.single();
	}

	private double sent(RunningSite node) {
		return node.bean(MeterRegistry.class).counter("broadsheet.cdn.purges", "outcome", "sent").count();
	}

	@Test
	void aPublishOnEitherNodeIsFreshThroughVarnishWithinTwoSeconds() {
		for (var node : List.of(a, b)) {
			String title = "Crane delivered via node " + node.port();
			varnish.awaitCached("/harbours/");
			// Both nodes hold the page too: Varnish must not fetch it again from one that
			// has not dropped it yet.
			for (var cached : List.of(a, b)) {
				cached.get("/harbours/");
				assertThat(cached.bean(PageCache.class).get("/harbours/")).isNotNull();
			}
			publish(node, title, "Harbours");
			await().atMost(Duration.ofSeconds(2))
				.pollInterval(Duration.ofMillis(50))
				.untilAsserted(() -> assertThat(varnish.get("/harbours/").body()).contains(title));
		}
	}

	@Test
	void eachChangeIsPurgedExactlyOnceAcrossTheNodes() {
		await().atMost(Duration.ofSeconds(10)).until(() -> unsent() == 0);
		long lastBefore = lastPurgeId();
		long bans = varnish.bansAdded();
		double sentBefore = sent(a) + sent(b);
		double sentByB = sent(b);
		for (int i = 0; i < 6; i++) {
			publish(i % 2 == 0 ? a : b, "Tide table " + i, "Harbours");
			// One change at a time: two changes waiting together go out as one request.
			await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> unsent() == 0);
		}
		// Each publish is one change; the related lists it updates (the index follower's,
		// after the publish) are changes of their own, which may go out with another in
		// one request. Every change is claimed and sent exactly once, by one node.
		await().atMost(Duration.ofSeconds(10)).until(() -> unsent() == 0);
		long changes = changesSince(lastBefore);
		assertThat(changes).isGreaterThanOrEqualTo(6);
		assertThat(a.bean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM purge_log WHERE id > ? AND purge_attempts > 1")
			.param(lastBefore)
			.query(Long.class)
			.single()).as("changes claimed more than once").isZero();
		assertThat(sent(a) + sent(b) - sentBefore).isEqualTo(changes);
		// Varnish's counters are published within a second.
		await().atMost(Duration.ofSeconds(5)).until(() -> varnish.bansAdded() - bans >= 6);
		assertThat(varnish.bansAdded() - bans).isBetween(6L, changes);
		assertThat(sent(b) - sentByB).as("changes sent by the HTTP adapter").isPositive();
	}

	private long lastPurgeId() {
		return a.bean(JdbcClient.class).sql("SELECT COALESCE(MAX(id), 0) FROM purge_log").query(Long.class).single();
	}

	private long changesSince(long id) {
		return a.bean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM purge_log WHERE id > ?")
			.param(id)
			.query(Long.class)
			.single();
	}

	@Test
	void aPurgeMadeWhileVarnishIsDownIsSentWhenItIsBack() throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> unsent() == 0);
		varnish.stop();
		publish(a, "Lock gates closed", "Harbours");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> a.bean(JdbcClient.class)
				.sql("SELECT MIN(purge_attempts) FROM purge_log WHERE purged_at IS NULL")
				.query(Integer.class)
				.optional()
				.orElse(0) >= 1);
		// The publish, and perhaps the related lists it updated: none sent yet.
		assertThat(unsent()).isPositive();
		varnish.start();
		await().atMost(Duration.ofSeconds(20)).until(() -> unsent() == 0);
		assertThat(varnish.bansAdded()).isGreaterThanOrEqualTo(1);
		assertThat(varnish.get("/harbours/").body()).contains("Lock gates closed");
	}

}
