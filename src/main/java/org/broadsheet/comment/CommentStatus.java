package org.broadsheet.comment;

import java.util.Locale;

import org.broadsheet.shared.InvalidInput;

/**
 * Moderation state. Only {@link #APPROVED} comments are shown to readers and counted; a
 * {@link #PENDING} one is also shown to the reader who wrote it, marked as awaiting
 * moderation. {@link #SPAM} and {@link #REJECTED} are kept for the moderators (WordPress:
 * spam, trash).
 */
public enum CommentStatus {

	PENDING, APPROVED, SPAM, REJECTED;

	/**
	 * @return the stored form, e.g. {@code approved}
	 */
	public String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param key a stored form or a status name, any case
	 * @throws IllegalArgumentException naming the field, for anything else
	 */
	public static CommentStatus of(String key) {
		try {
			return valueOf(key.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidInput("status", "comment.invalid.status", key);
		}
	}

}
