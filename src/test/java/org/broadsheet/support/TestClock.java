package org.broadsheet.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Time as an input: the system's UTC clock plus whatever the test has {@link #advance
 * advanced} it by, so that a test waits for nothing to become due (a scheduled article, a
 * form old enough to send) and instants still differ between two changes, as they do in
 * production.
 */
public final class TestClock extends Clock {

	private volatile Duration ahead = Duration.ZERO;

	/** Moves the clock forward by {@code step}. */
	public void advance(Duration step) {
		ahead = ahead.plus(step);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(ahead);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		TestClock self = this;
		// A view that keeps following advance(), as a clock obtained once and kept must.
		return new Clock() {

			@Override
			public Instant instant() {
				return self.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return self.withZone(other);
			}

		};
	}

}
