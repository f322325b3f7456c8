package org.broadsheet.newsletter.subscription;

import org.broadsheet.shared.LoggedChange;

/**
 * A subscriber's own change, written to the change log in its transaction (the newsroom's
 * subscriber pages follow it); not a newsroom action, so not audited.
 *
 * @param subjectId the {@code subscriber.id}
 * @param kind {@code signed-up}, {@code confirmed}, {@code lists}, {@code paused},
 * {@code resumed} or {@code unsubscribed}
 */
record SubscriberChanged(long subjectId, String kind) implements LoggedChange {

	@Override
	public Subject subject() {
		return Subject.SUBSCRIBER;
	}

}
