package org.broadsheet.newsletter.sending;

import org.broadsheet.shared.LoggedChange;

/**
 * A newsletter send was queued, tested or cancelled (its subject id is the
 * {@code newsletter_send} row). Published inside the transaction that queued it and
 * written to the change log; no page shows a send, so no page keys go with it.
 */
public record NewsletterEvent(long subjectId, What what) implements LoggedChange {

	/** What happened; logged as its lower-case name. */
	public enum What {

		/** An article's send was queued, on publication or by an editor. */
		QUEUED,

		/** An editor sent a test to their own address. */
		TESTED,

		/** An editor cancelled a send under way: nothing more of it goes out. */
		CANCELLED,

		/** A list's daily or weekly digest was queued ({@link DigestSends}). */
		DIGEST_QUEUED

	}

	@Override
	public Subject subject() {
		return Subject.NEWSLETTER;
	}

	@Override
	public String kind() {
		return LoggedChange.key(what);
	}

}
