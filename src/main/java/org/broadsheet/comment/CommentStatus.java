package org.broadsheet.comment;

/** Moderation state; only {@link #APPROVED} comments are shown and counted. */
public enum CommentStatus {

	PENDING, APPROVED

}
