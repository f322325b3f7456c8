package org.broadsheet.newsletter.subscription;

/**
 * Too many sign-ups from one client address; answered 429 with Retry-After.
 */
class TooManySignUps extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final long retryAfterSeconds;

	TooManySignUps(long retryAfterSeconds) {
		super("too many sign-ups; retry after " + retryAfterSeconds + " s");
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * @return at least one second
	 */
	long retryAfterSeconds() {
		return retryAfterSeconds;
	}

}
