package org.broadsheet.comment;

import java.time.Duration;

/**
 * Too many comments or likes from one client address: try again after
 * {@link #retryAfter()}.
 */
public class Throttled extends RuntimeException {

	private final Duration retryAfter;

	Throttled(Duration retryAfter) {
		super("too many requests; retry after " + retryAfter.toSeconds() + " s");
		this.retryAfter = retryAfter;
	}

	/**
	 * @return at least one second
	 */
	public Duration retryAfter() {
		return retryAfter;
	}

}
