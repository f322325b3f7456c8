package org.broadsheet.delivery.cdn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.broadsheet.delivery.CdnPurger;

/**
 * Purges Varnish by surrogate key: a {@code BAN} request to every instance with the keys,
 * space-separated, in {@code X-Purge-Keys}; docs/varnish.vcl turns it into a ban on
 * objects whose {@code Surrogate-Key} holds any of them (and {@code all} into a ban of
 * every page). A 2xx from each instance confirms.
 */
final class VarnishPurger implements CdnPurger {

	static final String KEYS_HEADER = "X-Purge-Keys";

	/** Keys per request: a few kilobytes, well under Varnish's 8 KiB header limit. */
	static final int BATCH = 100;

	private final HttpClient client;

	private final List<URI> caches;

	private final Duration timeout;

	VarnishPurger(HttpClient client, List<URI> caches, Duration timeout) {
		this.client = client;
		this.caches = List.copyOf(caches);
		this.timeout = timeout;
	}

	@Override
	public void purge(Set<String> keys) throws IOException {
		for (List<String> batch : Batches.of(keys, BATCH)) {
			for (URI cache : caches) {
				var request = HttpRequest.newBuilder(cache.resolve("/"))
					.method("BAN", HttpRequest.BodyPublishers.noBody())
					.header(KEYS_HEADER, String.join(" ", batch))
					.timeout(timeout)
					.build();
				Batches.send(client, request, cache);
			}
		}
	}

}
