package org.broadsheet.delivery.cdn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What the purgers share: splitting keys into requests, and sending one. */
final class Batches {

	private Batches() {
	}

	static List<List<String>> of(Set<String> keys, int size) {
		List<String> all = List.copyOf(keys);
		List<List<String>> batches = new ArrayList<>();
		for (int from = 0; from < all.size(); from += size) {
			batches.add(all.subList(from, Math.min(all.size(), from + size)));
		}
		return batches;
	}

	/**
	 * @throws IOException unless the answer is 2xx
	 */
	static void send(HttpClient client, HttpRequest request, URI target) throws IOException {
		HttpResponse<String> response;
		try {
			response = client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while purging " + target, ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new IOException("Purge refused by " + target + ": " + response.statusCode());
		}
	}

}
