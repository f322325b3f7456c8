package org.broadsheet.article;

import java.time.Instant;

/**
 * One saved state of an article: a full snapshot of everything written.
 *
 * @param accountId who saved it; null for imports and other commands
 * @param createdAt UTC instant
 * @param draft the article as it was then (its status and instants are not the
 * workflow's)
 */
public record Revision(long id, long articleId, Long accountId, Instant createdAt, ArticleDraft draft) {
}
