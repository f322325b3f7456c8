package org.broadsheet.changelog;

import java.time.Instant;

/**
 * One committed change to an article.
 *
 * @param seq position in the log, increasing
 * @param kind published, updated, unpublished or deleted
 * @param at UTC instant the change was written
 */
public record Change(long seq, long articleId, String kind, Instant at) {
}
