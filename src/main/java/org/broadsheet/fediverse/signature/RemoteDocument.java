package org.broadsheet.fediverse.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A document fetched from another server.
 *
 * @param uri where it was finally found, after redirects
 * @param contentType the response's {@code Content-Type}, or null
 * @param body the response body (at most {@link FetchSettings#maxResponseSize()} bytes)
 */
public record RemoteDocument(URI uri, String contentType, byte[] body) {

	public RemoteDocument {
		body = body.clone();
	}

	/**
	 * @return the body's bytes (a copy)
	 */
	@Override
	public byte[] body() {
		return body.clone();
	}

	/**
	 * @return the body as UTF-8 text (JSON is UTF-8, RFC 8259 §8.1)
	 */
	public String text() {
		return new String(body, StandardCharsets.UTF_8);
	}

}
