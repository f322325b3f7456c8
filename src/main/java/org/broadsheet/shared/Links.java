package org.broadsheet.shared;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Site-relative links with query strings, encoded strictly (RFC 3986) by Spring's URI
 * builder, and the one test of what counts as a link to the web.
 */
public final class Links {

	private Links() {
	}

	/**
	 * @param path absolute site path, e.g. {@code /search}
	 * @param params query parameters in order; null values are left out
	 * @return the path with its query, every value percent-encoded ({@code &}, {@code =},
	 * {@code +} and spaces included), e.g. {@code /search?q=R%26D&tag=C%2B%2B}
	 */
	public static String withQuery(String path, Map<String, ?> params) {
		var builder = UriComponentsBuilder.fromPath(path);
		Map<String, Object> values = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (value != null) {
				// Template variables are encoded strictly; literal query values would
				// keep & and +.
				builder.queryParam(name, "{" + name + "}");
				values.put(name, value.toString());
			}
		});
		return builder.encode().buildAndExpand(values).toUriString();
	}

	/**
	 * @param url any text, or null
	 * @return whether {@code url} is an absolute http or https URL with a host (RFC 3986,
	 * as {@link URI} parses it)
	 */
	public static boolean isWebUrl(String url) {
		if (url == null) {
			return false;
		}
		try {
			var uri = new URI(url);
			return uri.isAbsolute()
					&& ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
