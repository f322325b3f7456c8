package org.broadsheet.newsletter.subscription;

import java.time.Duration;
import java.util.Locale;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import org.broadsheet.shared.RateLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sign-ups per hour, per client address
 * ({@code broadsheet.newsletter.sign-ups-per-address}, default 10) and per mailbox asked
 * for ({@code broadsheet.newsletter.sign-ups-per-mailbox}, default 3: nobody's inbox is
 * flooded with confirmation mails), from {@link RateLimits} (shared by every node on
 * PostgreSQL).
 */
@Component
class SignUpThrottle {

	private final RateLimits limits;

	private final int perAddress;

	private final int perMailbox;

	SignUpThrottle(RateLimits limits, @Value("${broadsheet.newsletter.sign-ups-per-address:10}") int perAddress,
			@Value("${broadsheet.newsletter.sign-ups-per-mailbox:3}") int perMailbox) {
		this.limits = limits;
		this.perAddress = perAddress;
		this.perMailbox = perMailbox;
	}

	/**
	 * @throws TooManySignUps when this client address has used its share (or the shared
	 * buckets are out of reach: refused for now, never a 500)
	 */
	void client(String clientAddress) {
		ConsumptionProbe probe;
		try {
			probe = bucket("newsletter-address:" + clientAddress, perAddress).tryConsumeAndReturnRemaining(1);
		}
		catch (RuntimeException ex) {
			throw new TooManySignUps(1);
		}
		if (!probe.isConsumed()) {
			throw new TooManySignUps(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000));
		}
	}

	/**
	 * @param emailKey the address as compared
	 * @return whether another confirmation mail may go to this mailbox now (a refusal is
	 * silent: the answer must not tell whether the address is known)
	 */
	boolean mailbox(String emailKey) {
		try {
			return bucket("newsletter-mailbox:" + emailKey.toLowerCase(Locale.ROOT), perMailbox).tryConsume(1);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private io.github.bucket4j.Bucket bucket(String key, int perHour) {
		return limits.bucket(key,
				() -> BucketConfiguration.builder()
					.addLimit(Bandwidth.builder().capacity(perHour).refillGreedy(perHour, Duration.ofHours(1)).build())
					.build());
	}

}
