package org.broadsheet.comment;

import java.time.Instant;

/**
 * A comment brought from another system, for {@link Comments#restore(ImportedComment)}.
 *
 * @param importKey where it came from, unique across imports (e.g.
 * {@code wxr:<site url>#<comment id>}); restoring the same key again updates that comment
 * instead of adding one
 * @param parentImportKey the import key of the comment it replies to (restored before
 * it), or null
 * @param authorEmail or null
 * @param authorUrl http or https, or null
 * @param body plain text
 * @param createdAt UTC instant
 */
public record ImportedComment(long articleId, String importKey, String parentImportKey, String authorName,
		String authorEmail, String authorUrl, String body, CommentStatus status, Instant createdAt) {
}
