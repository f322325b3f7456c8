package org.broadsheet.account;

import java.time.Duration;
import java.util.Locale;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

import org.broadsheet.shared.RateLimits;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: each account name and each client address has a bucket of
 * sign-in attempts (Bucket4j) that refills over {@link #WINDOW}. An attempt takes a token
 * from both buckets before its password is checked, so sign-ins sent at the same moment
 * cannot all pass the check before any failure is counted; a right password gives the
 * tokens back. An empty bucket refuses sign-in until it refills, whether or not the
 * account exists, so the answer tells nothing about which accounts there are. On
 * PostgreSQL the buckets are shared by every node ({@link RateLimits}).
 */
@Component
class LoginThrottle {

	static final Duration WINDOW = Duration.ofMinutes(15);

	/**
	 * Failed sign-ins allowed per account name, and per client address, in
	 * {@link #WINDOW}.
	 */
	static final int PER_ACCOUNT = 5;

	static final int PER_ADDRESS = 20;

	private final RateLimits limits;

	LoginThrottle(RateLimits limits) {
		this.limits = limits;
	}

	/**
	 * Reserves one attempt for this account name from this address, atomically
	 * (Bucket4j's {@code tryConsume}): a reserved attempt that fails stays counted.
	 * @param address the client address as the servlet container resolved it (trusted
	 * proxies applied)
	 * @return false, reserving nothing, when the account's or the address's attempts are
	 * used up
	 */
	boolean reserve(String email, String address) {
		try {
			return tryReserve(email, address);
		}
		catch (RuntimeException ex) {
			// The shared buckets are busy or out of reach: no attempt passes unchecked.
			return false;
		}
	}

	private boolean tryReserve(String email, String address) {
		// The address first: a blocked address trying new account names creates no bucket
		// for them.
		Bucket byAddress = bucket(addressKey(address), PER_ADDRESS);
		if (!byAddress.tryConsume(1)) {
			return false;
		}
		if (!bucket(accountKey(email), PER_ACCOUNT).tryConsume(1)) {
			byAddress.addTokens(1);
			return false;
		}
		return true;
	}

	/**
	 * A right password: the account's earlier failures are forgiven, the address's
	 * attempt given back.
	 */
	void succeeded(String email, String address) {
		try {
			limits.forget(accountKey(email));
			bucket(addressKey(address), PER_ADDRESS).addTokens(1);
		}
		catch (RuntimeException ex) {
			// Out of reach for a moment: the sign-in stands; only the forgiving is lost.
		}
	}

	private Bucket bucket(String key, int capacity) {
		return limits.bucket(key,
				() -> BucketConfiguration.builder()
					.addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, WINDOW).build())
					.build());
	}

	private static String accountKey(String email) {
		return "login-account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
	}

	private static String addressKey(String address) {
		return "login-address:" + address;
	}

}
