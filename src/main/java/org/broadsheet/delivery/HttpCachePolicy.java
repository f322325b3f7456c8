package org.broadsheet.delivery;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code Cache-Control} (RFC 9111 §5.2; {@code stale-while-revalidate} and
 * {@code stale-if-error} from RFC 5861) for anonymous readers, per {@link PageKind}:
 * property {@code broadsheet.http.cache-control.<kind>}. Shared caches (a CDN, Varnish)
 * keep pages for {@code s-maxage} and are purged by surrogate key on change; browsers
 * revalidate after {@code max-age}. A page with per-response parts is never given to a
 * shared cache.
 */
@Component
class HttpCachePolicy {

	static final String PRIVATE = "private, no-cache";

	private static final Map<PageKind, String> DEFAULTS = Map.of(PageKind.ARTICLE,
			"public, max-age=60, s-maxage=3600, stale-while-revalidate=60, stale-if-error=86400", PageKind.LISTING,
			"public, max-age=60, s-maxage=600, stale-while-revalidate=60, stale-if-error=86400", PageKind.FEED,
			"public, max-age=300, s-maxage=600, stale-while-revalidate=60, stale-if-error=86400", PageKind.SITEMAP,
			"public, max-age=3600, s-maxage=3600, stale-while-revalidate=600, stale-if-error=86400", PageKind.SEARCH,
			"public, max-age=60, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400");

	private final Map<PageKind, String> policies = new EnumMap<>(PageKind.class);

	HttpCachePolicy(Environment environment) {
		for (PageKind kind : PageKind.values()) {
			policies.put(kind,
					environment.getProperty("broadsheet.http.cache-control." + kind.property(), DEFAULTS.get(kind)));
		}
	}

	/**
	 * @return the header value for a page of {@code kind}; private when it has
	 * per-response parts
	 */
	String cacheControl(PageKind kind, boolean hasParts) {
		return hasParts ? PRIVATE : policies.get(kind);
	}

}
