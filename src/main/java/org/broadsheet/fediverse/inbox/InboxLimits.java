package org.broadsheet.fediverse.inbox;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import org.broadsheet.shared.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many activities each remote host may POST to the inboxes: a token bucket per host
 * of the signer's actor id ({@code broadsheet.fediverse.inbox-per-minute}, default 300 a
 * minute, shared by the nodes on PostgreSQL through {@link RateLimits}).
 */
@Component
class InboxLimits {

	private final RateLimits limits;

	private final int perMinute;

	InboxLimits(RateLimits limits, @Value("${broadsheet.fediverse.inbox-per-minute:300}") int perMinute) {
		this.limits = limits;
		this.perMinute = perMinute;
	}

	/**
	 * @param actorId the signer's actor id, a URL
	 * @return whether its host may send one more activity now
	 */
	boolean allow(String actorId) {
		String host;
		try {
			host = actorId == null ? "" : String.valueOf(URI.create(actorId).getHost()).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			host = "";
		}
		try {
			return limits.bucket("fediverse-inbox:" + host, () -> BucketConfiguration.builder()
				.addLimit(
						Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
				.build()).tryConsume(1);
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

}
