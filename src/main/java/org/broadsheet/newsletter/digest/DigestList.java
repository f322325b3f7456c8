package org.broadsheet.newsletter.digest;

import java.time.Instant;

import org.broadsheet.newsletter.ListKey;

/**
 * A list sent as a digest.
 *
 * @param list the list
 * @param cadence {@link Cadence#DAILY} or {@link Cadence#WEEKLY}
 * @param since when the cadence was set (UTC): a digest lists only articles published
 * from then on, so that articles sent one by one before are not sent again
 */
public record DigestList(ListKey list, Cadence cadence, Instant since) {
}
