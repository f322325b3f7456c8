package org.broadsheet.newsletter.sending;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Runs {@link DigestSends#runDue()} every {@code broadsheet.newsletter.digest-interval}
 * (1 min). A database that is busy for a moment only delays it to the next tick. Off with
 * {@code broadsheet.newsletter.digest-clock=false} (command-line runs; tests that run it
 * themselves).
 */
@Component
@ConditionalOnProperty(name = "broadsheet.newsletter.digest-clock", havingValue = "true", matchIfMissing = true)
class DigestClock {

	private static final Logger log = LoggerFactory.getLogger(DigestClock.class);

	private final DigestSends digests;

	/** Consecutive failed ticks: the first of a run is a warning, the rest are noise. */
	private int failures;

	DigestClock(DigestSends digests) {
		this.digests = digests;
	}

	@Scheduled(fixedDelayString = "${broadsheet.newsletter.digest-interval:1m}")
	void tick() {
		try {
			digests.runDue();
			failures = 0;
		}
		catch (DataAccessException | TransactionException ex) {
			if (failures++ == 0) {
				log.warn("Newsletter digests wait for the database: {}", ex.getMessage());
			}
		}
	}

}
