package org.broadsheet.media;

import java.time.Duration;

/**
 * Too many images are being checked and resized at once (each can take seconds and
 * hundreds of megabytes): try again after {@link #retryAfter()}. Web callers answer 503
 * with Retry-After.
 */
public class MediaBusy extends RuntimeException {

	private final Duration retryAfter;

	MediaBusy(Duration retryAfter) {
		super("media.busy");
		this.retryAfter = retryAfter;
	}

	/**
	 * @return how long to wait before sending the image again, at least one second
	 */
	public Duration retryAfter() {
		return retryAfter;
	}

}
