package org.broadsheet.account;

import java.time.Instant;

/**
 * Who changed a comment, section, tag, author or account, and how.
 *
 * @param accountId the account that did it, or null for a system actor
 * @param who the account's display name, or the system actor's name (e.g. {@code cli})
 * @param action e.g. approved, deleted, edited, renamed, profile-edited, created
 * @param at UTC instant
 * @param detail e.g. the former status or name; may be null
 */
public record NewsroomAuditEntry(Long accountId, String who, String action, Instant at, String detail) {
}
