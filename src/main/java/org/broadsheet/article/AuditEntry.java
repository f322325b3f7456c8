package org.broadsheet.article;

import java.time.Instant;

/**
 * Who did what to an article.
 *
 * @param accountId null for the system (scheduled publishing, imports)
 * @param action created, saved, submitted, published, scheduled, unpublished, restored
 * @param at UTC instant
 * @param detail e.g. the scheduled instant or the restored revision; may be null
 */
public record AuditEntry(Long accountId, String action, Instant at, String detail) {
}
