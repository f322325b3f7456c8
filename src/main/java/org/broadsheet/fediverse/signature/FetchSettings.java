package org.broadsheet.fediverse.signature;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of signatures and of requests to other servers, from
 * {@code broadsheet.fediverse.*} (docs/fediverse.md, "Signatures and fetching").
 *
 * @param signatureSkew how far a signature's {@code Date} or {@code created} may be from
 * this server's clock, either way (default 1 hour, Fedify's window; Mastodon takes 12
 * hours back and 1 hour ahead)
 * @param allowHttp fetch {@code http:} URIs too (tests only; default https only)
 * @param allowPrivateAddresses fetch from loopback, private, link-local and other
 * non-public addresses (tests only; default refused: the SSRF guard)
 * @param connectTimeout longest wait for a connection (default 5 s)
 * @param readTimeout longest wait for a whole response, headers and body (default 10 s)
 * @param maxResponseSize largest response body read (default 1 MiB; larger is refused
 * while streaming)
 * @param maxRedirects redirects followed at most, each checked like the first address
 * (default 3)
 * @param keyCacheTtl how long a fetched public key is used before it is fetched again
 * (default 1 day; a key that fails to verify is fetched again at once)
 */
@ConfigurationProperties("broadsheet.fediverse")
public record FetchSettings(@DefaultValue("1h") Duration signatureSkew, @DefaultValue("false") boolean allowHttp,
		@DefaultValue("false") boolean allowPrivateAddresses, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration readTimeout, @DefaultValue("1MB") DataSize maxResponseSize,
		@DefaultValue("3") int maxRedirects, @DefaultValue("1d") Duration keyCacheTtl) {

	public FetchSettings {
		if (signatureSkew.isNegative() || signatureSkew.isZero() || connectTimeout.isNegative()
				|| readTimeout.isNegative() || maxResponseSize.toBytes() < 1 || maxRedirects < 0
				|| keyCacheTtl.isNegative()) {
			throw new IllegalStateException(
					"broadsheet.fediverse: limits must be positive (docs/fediverse.md, \"Signatures and fetching\")");
		}
	}

	/**
	 * @return the defaults, as a server without {@code broadsheet.fediverse.*} properties
	 * has them
	 */
	public static FetchSettings defaults() {
		return new FetchSettings(Duration.ofHours(1), false, false, Duration.ofSeconds(5), Duration.ofSeconds(10),
				DataSize.ofMegabytes(1), 3, Duration.ofDays(1));
	}

}
