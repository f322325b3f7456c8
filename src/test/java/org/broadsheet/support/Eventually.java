package org.broadsheet.support;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something that happens shortly after a commit (the search index follows on its own thread). */
public final class Eventually {

	private Eventually() {
	}

	/**
	 * @return the last value of {@code probe}, as soon as {@code done} accepts it or after 10 seconds
	 */
	public static <T> T await(Supplier<T> probe, java.util.function.Predicate<T> done) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		T value = probe.get();
		while (!done.test(value) && System.nanoTime() < deadline) {
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return value;
			}
			value = probe.get();
		}
		return value;
	}

}
