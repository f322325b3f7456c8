package org.broadsheet.comment;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A reader's comment.
 *
 * @param parentId the comment this one replies to, or null for a new thread
 * @param authorEmail never shown to readers; null for comments imported without one
 * @param authorUrl the commenter's website (http or https), or null
 * @param body plain text as typed; never rendered as HTML
 * @param createdAt UTC instant
 */
public record Comment(long id, long articleId, Long parentId, String authorName, String authorEmail,
		String authorUrl, String body, CommentStatus status, Instant createdAt) {

	/** @return the body's paragraphs (split at blank lines), for plain-text rendering */
	public List<String> paragraphs() {
		return Arrays.stream(body.strip().split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
	}

}
