package org.broadsheet.article;

import java.time.Instant;

/**
 * A staff-only note on an article: never on readers' pages, in feeds, the Content API or
 * exports.
 *
 * @param accountId who wrote it, or null for a system actor
 * @param who the account's current display name, or the system actor's name (e.g.
 * {@code scheduler})
 * @param kind {@value #NOTE}, or {@value #SENT_BACK} for the note with which an editor
 * sent the article back to its writer
 * @param text plain text as typed (escape it when showing it)
 * @param at UTC instant
 */
public record ArticleNote(long id, long articleId, Long accountId, String who, String kind, String text, Instant at) {

	/** A note written on the article's thread. */
	public static final String NOTE = "note";

	/** The note with which an editor sent the article back to its writer. */
	public static final String SENT_BACK = "sent-back";

	/** Longest note, in characters. */
	public static final int MAX_TEXT = 5_000;

	/**
	 * @return whether an editor sent the article back to its writer with this note
	 */
	public boolean sentBack() {
		return SENT_BACK.equals(kind);
	}

}
