package org.broadsheet.fediverse.delivery;

/**
 * An instance whose deliveries are skipped.
 *
 * @param failingSince first failure of the run, UTC epoch milliseconds
 * @param deadAt when it was marked dead, UTC epoch milliseconds
 */
public record DeadInstance(String host, int failures, long failingSince, long deadAt) {
}
