package org.broadsheet.newsletter.admin;

import org.broadsheet.shared.LoggedChange;

/**
 * The newsroom changed a subscriber (or, for {@link What#IMPORTED}, many: subject id 0).
 * Published inside the transaction that made the change and written to the change log.
 */
public record SubscriberEvent(long subjectId, What what) implements LoggedChange {

	/** What happened; logged as its lower-case name. */
	public enum What {

		/** An editor paused the subscriber's e-mails. */
		PAUSED,

		/** An editor resumed them. */
		RESUMED,

		/** An editor unsubscribed them from every list. */
		UNSUBSCRIBED,

		/** An editor deleted the subscriber's data. */
		DELETED,

		/** An editor imported a list (one event per import). */
		IMPORTED

	}

	@Override
	public Subject subject() {
		return Subject.SUBSCRIBER;
	}

	@Override
	public String kind() {
		return LoggedChange.key(what);
	}

}
