package org.broadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a load balancer and a metrics scraper see (issue 13, item 5): health and its
 * probes for anyone, without details; Prometheus metrics only from allowed addresses;
 * nothing else of Actuator.
 */
class OperationsTest {

	static RunningSite site;

	static RunningSite closed;

	@BeforeAll
	static void start() {
		site = RunningSite.start(TestDatabases.newDataFolder());
		// The same site with metrics allowed from nowhere: the test's loopback is
		// refused.
		closed = RunningSite.start(TestDatabases.newDataFolder(), "--broadsheet.metrics.allowed-from=192.0.2.1/32");
	}

	@AfterAll
	static void stop() {
		site.close();
		closed.close();
	}

	@Test
	void healthAndProbesAnswerWithoutDetails() {
		var health = site.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.response().body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
		assertThat(site.get("/actuator/health/liveness").response().body()).contains("\"status\":\"UP\"");
		var readiness = site.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.response().body()).contains("\"status\":\"UP\"").doesNotContain("lag", "folder");
		assertThat(closed.get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void metricsCountPageCacheHitsAndLagsFromAllowedAddressesOnly() {
		site.get("/");
		site.get("/");
		var metrics = site.get("/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		String text = metrics.response().body();
		assertThat(hits(text)).isGreaterThanOrEqualTo(1);
		assertThat(text).contains("broadsheet_search_index_lag_entries", "broadsheet_scheduler_lag_seconds",
				"http_server_requests_seconds_count");
		site.get("/");
		assertThat(hits(site.get("/actuator/prometheus").response().body())).isGreaterThan(hits(text));

		assertThat(closed.get("/actuator/prometheus").status()).isEqualTo(403);
	}

	@Test
	void nothingElseOfActuatorIsExposed() {
		for (String path : new String[] { "/actuator", "/actuator/env", "/actuator/beans", "/actuator/heapdump",
				"/actuator/metrics" }) {
			assertThat(site.get(path).status()).as(path).isIn(403, 404);
		}
	}

	private static double hits(String prometheus) {
		var matcher = Pattern.compile("(?m)^cache_gets_total\\{[^}]*cache=\"pages\"[^}]*result=\"hit\"[^}]*} (\\S+)$")
			.matcher(prometheus);
		assertThat(matcher.find()).as(prometheus).isTrue();
		return Double.parseDouble(matcher.group(1));
	}

}
