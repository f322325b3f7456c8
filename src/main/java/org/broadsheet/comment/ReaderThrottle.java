package org.broadsheet.comment;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import org.broadsheet.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * Rate limits per client address (Bucket4j token buckets from {@link RateLimits}: shared
 * by every node on PostgreSQL, in memory on SQLite): comments per minute and per hour,
 * likes per minute, from {@link CommentSettings}. The address is the servlet container's
 * {@code getRemoteAddr()}: X-Forwarded-For counts only from a proxy listed in
 * {@code broadsheet.http.trusted-proxies}, so a client cannot pick a new one per request.
 */
@Component
class ReaderThrottle {

	private final CommentSettings settings;

	private final RateLimits limits;

	ReaderThrottle(CommentSettings settings, RateLimits limits) {
		this.settings = settings;
		this.limits = limits;
	}

	/**
	 * @throws Throttled when this address has sent its share of comments
	 */
	void comment(String address) {
		consume(limits.bucket("comment:" + address,
				() -> BucketConfiguration.builder()
					.addLimit(limit(settings.perMinute(), Duration.ofMinutes(1)))
					.addLimit(limit(settings.perHour(), Duration.ofHours(1)))
					.build()));
	}

	/**
	 * @throws Throttled when this address has sent its share of likes
	 */
	void like(String address) {
		consume(limits.bucket("like:" + address,
				() -> BucketConfiguration.builder()
					.addLimit(limit(settings.likesPerMinute(), Duration.ofMinutes(1)))
					.build()));
	}

	private static Bandwidth limit(int capacity, Duration period) {
		return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
	}

	private static void consume(Bucket bucket) {
		ConsumptionProbe probe;
		try {
			probe = bucket.tryConsumeAndReturnRemaining(1);
		}
		catch (RuntimeException ex) {
			// The shared buckets are busy or out of reach: refused for now, never a 500.
			throw new Throttled(Duration.ofSeconds(1));
		}
		if (!probe.isConsumed()) {
			long nanos = probe.getNanosToWaitForRefill();
			throw new Throttled(Duration.ofSeconds(Math.max(1, (nanos + 999_999_999) / 1_000_000_000)));
		}
	}

}
