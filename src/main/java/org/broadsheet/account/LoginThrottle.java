package org.broadsheet.account;

import java.time.Duration;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: each account name and each client address has a bucket of
 * failed sign-ins (Bucket4j) that refills over {@link #WINDOW}. An empty bucket refuses sign-in
 * until it refills, whether or not the account exists, so the answer tells nothing about which
 * accounts there are. Per node; several nodes each allow their own share.
 */
@Component
class LoginThrottle {

	static final Duration WINDOW = Duration.ofMinutes(15);

	/** Failed sign-ins allowed per account name, and per client address, in {@link #WINDOW}. */
	static final int PER_ACCOUNT = 5;

	static final int PER_ADDRESS = 20;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(100_000)
		.expireAfterAccess(WINDOW.multipliedBy(2)).build();

	/** @return whether a sign-in may be tried now for this account name from this address */
	boolean allows(String email, String address) {
		return bucket(accountKey(email), PER_ACCOUNT).getAvailableTokens() > 0
				&& bucket(addressKey(address), PER_ADDRESS).getAvailableTokens() > 0;
	}

	void failed(String email, String address) {
		bucket(accountKey(email), PER_ACCOUNT).tryConsume(1);
		bucket(addressKey(address), PER_ADDRESS).tryConsume(1);
	}

	/** A successful sign-in forgives the account's earlier failures (not the address's). */
	void succeeded(String email) {
		buckets.invalidate(accountKey(email));
	}

	private Bucket bucket(String key, int capacity) {
		return buckets.get(key, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build())
			.build());
	}

	private static String accountKey(String email) {
		return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

}
