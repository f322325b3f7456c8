package org.broadsheet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.broadsheet.account.SystemActor;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * {@code broadsheet.api.content.keys-required=true}: the Content API answers only
 * requests with a working key, and nothing it answers is kept by a shared cache.
 */
class ContentKeysRequiredTest {

	@Test
	void everyRequestNeedsAWorkingKeyAndNoAnswerIsShared() {
		try (var site = RunningSite.start(TestDatabases.newDataFolder(),
				"--broadsheet.api.content.keys-required=true")) {
			TestArticles.publish(site, "Members only", Instant.now().minus(1, ChronoUnit.HOURS));
			var none = site.get("/api/content/v1/articles");
			assertThat(none.status()).isEqualTo(401);
			assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
			String secret = site.bean(ContentKeys.class).issue(SystemActor.CLI, "Partner").secret();
			var keyed = site.get("/api/content/v1/articles?key=" + secret);
			assertThat(keyed.status()).isEqualTo(200);
			assertThat(keyed.response().body()).contains("Members only");
			assertThat(keyed.header("Surrogate-Key")).isNull();
			assertThat(site.get("/api/content/v1/articles").status()).isEqualTo(401);
			// The reader site stays public.
			assertThat(site.get("/").status()).isEqualTo(200);
		}
	}

}
