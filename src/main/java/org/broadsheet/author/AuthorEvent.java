package org.broadsheet.author;

import org.broadsheet.shared.LoggedChange;

/**
 * An author was created or changed. Published inside the transaction that made the change
 * and written to the change log; the page keys go separately, as {@code PagesChanged}.
 */
public record AuthorEvent(long subjectId, What what) implements LoggedChange {

	/** What happened; logged as its lower-case name, words joined by hyphens. */
	public enum What {

		/** Made by the first article in their byline, or an import. */
		CREATED,
		/**
		 * A stored article or an import changed their name, title, affiliation, bio,
		 * login or email.
		 */
		UPDATED,
		/** An editor changed their profile in the newsroom. */
		PROFILE_EDITED

	}

	@Override
	public Subject subject() {
		return Subject.AUTHOR;
	}

	@Override
	public String kind() {
		return LoggedChange.key(what);
	}

}
