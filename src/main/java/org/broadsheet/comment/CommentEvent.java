package org.broadsheet.comment;

import org.broadsheet.shared.LoggedChange;

/**
 * Something happened to a reader's comment, or to an article's discussion. Published
 * inside the transaction that made the change and written to the change log (the page
 * keys go separately, as {@code PagesChanged}). A moderation of N comments publishes N
 * events, as it writes N audit entries. Likes publish none (see {@link Likes}).
 */
public sealed interface CommentEvent extends LoggedChange {

	/** What happened to a comment; logged as its lower-case name. */
	enum What {

		/** Stored: a reader's (in whatever status the rules gave it) or a tool's. */
		POSTED,
		/** Stored or changed by an import, under its import key. */
		IMPORTED,
		/** A moderator set the status. */
		APPROVED, REJECTED, SPAM,
		/** A moderator corrected its name, email, website or text. */
		EDITED,
		/** A moderator deleted it, or the thread it was a reply in. */
		DELETED

	}

	/** A comment changed. */
	record CommentChanged(long subjectId, What what) implements CommentEvent {

		@Override
		public Subject subject() {
			return Subject.COMMENT;
		}

		@Override
		public String kind() {
			return LoggedChange.key(what);
		}

	}

	/**
	 * An editor closed or opened an article's comments: the subject is the article (as in
	 * the newsroom audit), so the id is the article's.
	 */
	record DiscussionChanged(long subjectId, boolean closed) implements CommentEvent {

		@Override
		public Subject subject() {
			return Subject.ARTICLE;
		}

		@Override
		public String kind() {
			return closed ? "comments-closed" : "comments-opened";
		}

	}

}
