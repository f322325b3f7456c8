package org.broadsheet.delivery.cdn;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.broadsheet.shared.InvalidInput;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP cache in front, from {@code broadsheet.cdn.*} (README, "Production").
 *
 * @param purger {@code none} (nothing in front, or a cache left to expire pages),
 * {@code varnish} or {@code http}
 * @param varnish the Varnish instances to send {@code BAN} requests to, e.g.
 * {@code http://127.0.0.1:6081} (each gets every purge; docs/varnish.vcl answers them)
 * @param http a CDN's purge API
 * @param timeout how long one purge request may take before it counts as failed
 */
@ConfigurationProperties("broadsheet.cdn")
public record CdnSettings(@DefaultValue("none") String purger, @DefaultValue List<URI> varnish, @DefaultValue Http http,
		@DefaultValue("2s") Duration timeout) {

	/**
	 * @throws InvalidInput naming the property at fault, so that the node refuses to
	 * start
	 */
	public CdnSettings {
		if (!List.of("none", "varnish", "http").contains(purger)) {
			throw new InvalidInput("broadsheet.cdn.purger", "settings.invalid.choice", purger, "none, varnish, http");
		}
		if (purger.equals("varnish") && varnish.isEmpty()) {
			throw new InvalidInput("broadsheet.cdn.varnish", "settings.invalid.required",
					"broadsheet.cdn.purger=varnish");
		}
		if (purger.equals("http") && http.url() == null) {
			throw new InvalidInput("broadsheet.cdn.http.url", "settings.invalid.required",
					"broadsheet.cdn.purger=http");
		}
	}

	/**
	 * A CDN's purge-by-tag API, e.g. Fastly ({@code POST …/purge}, keys in the
	 * {@code Surrogate-Key} header) or Cloudflare ({@code POST …/purge_cache} with
	 * {@code {"tags":{keys}}}).
	 *
	 * @param url where purges are sent
	 * @param method the HTTP method
	 * @param headers headers sent with every purge (API tokens)
	 * @param keysHeader a header to carry the keys, space-separated; empty for none
	 * @param body the request body, {@code {keys}} replaced by a JSON array of the keys;
	 * empty for none
	 * @param batch the most keys sent in one request (Cloudflare takes 30)
	 */
	public record Http(URI url, @DefaultValue("POST") String method, @DefaultValue Map<String, String> headers,
			@DefaultValue("") String keysHeader, @DefaultValue("") String body, @DefaultValue("30") int batch) {

		public Http {
			if (batch < 1) {
				throw new InvalidInput("broadsheet.cdn.http.batch", "settings.invalid.positive", batch);
			}
		}

	}

}
