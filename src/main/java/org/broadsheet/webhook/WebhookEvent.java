package org.broadsheet.webhook;

import org.broadsheet.shared.LoggedChange;

/**
 * A webhook subscription changed. Published inside the transaction that made the change
 * and written to the change log (no page shows a subscription, so no page keys go with
 * it).
 */
public record WebhookEvent(long subjectId, What what) implements LoggedChange {

	/** What happened; logged as its lower-case name, words joined by hyphens. */
	public enum What {

		/** An administrator subscribed a URL. */
		CREATED,

		/** An administrator changed its URL, events or description, or enabled it. */
		UPDATED,

		/** Disabled: by an administrator, or after a delivery failed for 24 hours. */
		DISABLED,

		/** An administrator gave it a new secret. */
		SECRET_ROTATED,

		/** An administrator deleted it with its delivery log. */
		DELETED,

		/** An administrator sent a delivery again. */
		RESENT

	}

	@Override
	public Subject subject() {
		return Subject.WEBHOOK;
	}

	@Override
	public String kind() {
		return LoggedChange.key(what);
	}

}
