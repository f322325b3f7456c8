package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Many readers at once on a small pool, with the page cache off so that every request
 * renders and the section list expiring at once so that every reader loads it: every one
 * is answered 200. The deadlock this guards against is reproduced step by step in
 * {@code SectionListDeadlockTest}.
 */
class ConcurrentReadersTest {

	@Test
	void sixtyFourReadersOnTwoConnectionsAreAllServed() throws Exception {
		try (var site = RunningSite.start(TestDatabases.newDataFolder(),
				"--spring.datasource.hikari.maximum-pool-size=2", "--broadsheet.cache.enabled=false")) {
			String path = TestArticles.publish(site, "Crowded quay", Instant.now().minusSeconds(60));
			var http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(64)).build();
			Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
			var start = new CountDownLatch(1);
			List<Thread> readers = new ArrayList<>();
			for (int r = 0; r < 64; r++) {
				var reader = new Thread(() -> {
					try {
						start.await();
						for (int i = 0; i < 20; i++) {
							var response = http
								.send(HttpRequest.newBuilder(URI.create(site.url(i % 2 == 0 ? path : "/")))
									.timeout(Duration.ofSeconds(60))
									.build(), HttpResponse.BodyHandlers.discarding());
							statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
						}
					}
					catch (Exception ex) {
						statuses.computeIfAbsent(-1, s -> new AtomicInteger()).incrementAndGet();
					}
				});
				reader.start();
				readers.add(reader);
			}
			start.countDown();
			for (Thread reader : readers) {
				reader.join();
			}
			assertThat(new TreeMap<>(statuses)).hasToString("{200=1280}");
		}
	}

}
