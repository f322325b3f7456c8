package org.broadsheet.fediverse.signature;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.broadsheet.shared.InvalidInput;

/**
 * An HTTP request as signatures see it: the method, the absolute target URI, the header
 * fields and the body. Field names are matched without regard to case (RFC 9110 §5.1);
 * the value is immutable, {@link #withHeader} returns a copy.
 *
 * @param method the request method, e.g. {@code POST} (upper case as sent)
 * @param uri the absolute target URI, e.g. {@code https://news.example/inbox}; its raw
 * path and query are what the signature covers
 * @param headers field name → values in the order received; names in any case
 * @param body the request content, empty for none (never null)
 * @throws InvalidInput ({@code uri}: {@code fediverse.error.id}) without a method or an
 * absolute URI with a host
 */
public record SignedRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body) {

	public SignedRequest {
		if (method == null || method.isBlank() || uri == null || !uri.isAbsolute() || uri.getHost() == null) {
			throw new InvalidInput("uri", "fediverse.error.id", String.valueOf(uri));
		}
		TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		if (headers != null) {
			headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
				List<String> both = new ArrayList<>(a);
				both.addAll(b);
				return List.copyOf(both);
			}));
		}
		headers = Collections.unmodifiableMap(copy);
		body = body == null ? new byte[0] : body.clone();
	}

	/**
	 * @param method e.g. {@code GET}
	 * @param uri the absolute target URI
	 * @return a request without header fields and without a body
	 */
	public static SignedRequest of(String method, URI uri) {
		return new SignedRequest(method, uri, Map.of(), new byte[0]);
	}

	/**
	 * @return the body's bytes (a copy)
	 */
	@Override
	public byte[] body() {
		return body.clone();
	}

	/**
	 * @param name a field name in any case
	 * @return the field's values joined with {@code ", "} as RFC 9110 §5.3 combines them,
	 * or null when the request has no such field
	 */
	public String header(String name) {
		List<String> values = headers.get(name);
		if (values == null || values.isEmpty()) {
			return null;
		}
		return String.join(", ", values.stream().map(String::strip).toList());
	}

	/**
	 * @param name a field name
	 * @param value its one value, replacing any that the request had
	 * @return a copy of this request with the field set
	 */
	public SignedRequest withHeader(String name, String value) {
		TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		copy.putAll(headers);
		copy.put(name, List.of(value));
		return new SignedRequest(method, uri, copy, body);
	}

	/**
	 * @return the request target as draft-cavage's {@code (request-target)} and RFC
	 * 9421's {@code @path}/{@code @query} see it: the raw path ({@code /} when empty)
	 * and, when present, {@code ?} and the raw query
	 */
	String pathAndQuery() {
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
	}

	/**
	 * @return the {@code @authority} of RFC 9421 §2.2.3, and the value of a {@code Host}
	 * field: the host in lower case, with the port when it is not the scheme's default
	 */
	String authority() {
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		int port = uri.getPort();
		boolean defaultPort = port == -1 || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
				|| ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
		return defaultPort ? host : host + ":" + port;
	}

}
