package org.broadsheet.page;

import org.broadsheet.shared.LoggedChange;

/**
 * A static page changed: published inside the transaction that made the change and
 * written to the change log (subject {@code page}); the page cache's keys go separately,
 * as {@code PagesChanged}.
 *
 * @param subjectId the page's id
 */
public record StaticPageEvent(long subjectId, What what) implements LoggedChange {

	/** What happened; logged as its lower-case name. */
	public enum What {

		/** A new page (draft or published). */
		CREATED,
		/** A page was edited without a change of status. */
		UPDATED,
		/** A draft became public. */
		PUBLISHED,
		/** A public page went back to draft: its address answers 404. */
		UNPUBLISHED,
		/** A page was deleted with its redirects. */
		DELETED

	}

	@Override
	public Subject subject() {
		return Subject.PAGE;
	}

	@Override
	public String kind() {
		return LoggedChange.key(what);
	}

}
