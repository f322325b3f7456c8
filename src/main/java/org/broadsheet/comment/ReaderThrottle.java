package org.broadsheet.comment;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Rate limits per client address (Bucket4j token buckets, in memory on each node):
 * comments per minute and per hour, likes per minute, from {@link CommentSettings}. The
 * address is the servlet container's {@code getRemoteAddr()}: X-Forwarded-For counts only
 * from a proxy listed in {@code broadsheet.http.trusted-proxies}, so a client cannot pick
 * a new one per request.
 */
@Component
class ReaderThrottle {

	private final CommentSettings settings;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(Duration.ofHours(2))
		.build();

	ReaderThrottle(CommentSettings settings) {
		this.settings = settings;
	}

	/**
	 * @throws Throttled when this address has sent its share of comments
	 */
	void comment(String address) {
		consume(buckets.get("comment:" + address,
				k -> Bucket.builder()
					.addLimit(limit(settings.perMinute(), Duration.ofMinutes(1)))
					.addLimit(limit(settings.perHour(), Duration.ofHours(1)))
					.build()));
	}

	/**
	 * @throws Throttled when this address has sent its share of likes
	 */
	void like(String address) {
		consume(buckets.get("like:" + address,
				k -> Bucket.builder().addLimit(limit(settings.likesPerMinute(), Duration.ofMinutes(1))).build()));
	}

	private static Bandwidth limit(int capacity, Duration period) {
		return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
	}

	private static void consume(Bucket bucket) {
		var probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long nanos = probe.getNanosToWaitForRefill();
			throw new Throttled(Duration.ofSeconds(Math.max(1, (nanos + 999_999_999) / 1_000_000_000)));
		}
	}

}
