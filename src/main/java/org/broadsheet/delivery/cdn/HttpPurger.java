package org.broadsheet.delivery.cdn;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.broadsheet.delivery.CdnPurger;

/**
 * Purges a CDN through its purge-by-tag API, as configured in {@link CdnSettings.Http}:
 * the keys go in a header, in a JSON body, or both, at most {@code batch} to a request. A
 * 2xx confirms.
 */
final class HttpPurger implements CdnPurger {

	private final HttpClient client;

	private final CdnSettings.Http api;

	private final Duration timeout;

	HttpPurger(HttpClient client, CdnSettings.Http api, Duration timeout) {
		this.client = client;
		this.api = api;
		this.timeout = timeout;
	}

	@Override
	public void purge(Set<String> keys) throws IOException {
		for (List<String> batch : Batches.of(keys, api.batch())) {
			var request = HttpRequest.newBuilder(api.url()).timeout(timeout);
			api.headers().forEach(request::header);
			if (!api.keysHeader().isEmpty()) {
				request.header(api.keysHeader(), String.join(" ", batch));
			}
			if (api.body().isEmpty()) {
				request.method(api.method(), HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.header("Content-Type", "application/json")
					.method(api.method(),
							HttpRequest.BodyPublishers.ofString(api.body().replace("{keys}", json(batch))));
			}
			Batches.send(client, request.build(), api.url());
		}
	}

	/**
	 * Keys are letters, digits, {@code :} and {@code -} (see Surrogates): no escaping.
	 */
	private static String json(List<String> keys) {
		return keys.stream().map(key -> '"' + key + '"').collect(Collectors.joining(",", "[", "]"));
	}

}
