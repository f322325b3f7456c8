package org.broadsheet.article;

import java.time.Instant;

/**
 * Who did what to an article.
 *
 * @param accountId the account that did it, or null for a system actor
 * @param who the account's display name, or the system actor's name (e.g.
 * {@code scheduler})
 * @param action created, saved, submitted, published, scheduled, unpublished, restored,
 * filed, imported, deleted, …
 * @param at UTC instant
 * @param detail e.g. the scheduled instant or the restored revision; may be null
 */
public record AuditEntry(Long accountId, String who, String action, Instant at, String detail) {
}
