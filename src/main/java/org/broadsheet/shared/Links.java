package org.broadsheet.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * Site-relative links with query strings, encoded strictly (RFC 3986) by Spring's URI
 * builder.
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

}
