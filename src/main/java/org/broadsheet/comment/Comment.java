package org.broadsheet.comment;

import java.time.Instant;

/**
 * A reader's comment.
 *
 * @param parentId the comment this one replies to, or null for a new thread
 * @param authorEmail never shown to readers; null for comments imported without one
 * @param authorUrl the commenter's website (http or https), or null
 * @param body plain text as typed; never rendered as HTML
 * @param createdAt UTC instant
 */
public record Comment(long id, long articleId, Long parentId, String authorName, String authorEmail, String authorUrl,
		String body, CommentStatus status, Instant createdAt) {

}
