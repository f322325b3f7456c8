package org.broadsheet.newsletter.digest;

import org.broadsheet.shared.LoggedChange;

/**
 * An editor changed how often a list is sent ({@code newsletter_list.id}). Published
 * inside the transaction that made the change and written to the change log (subject
 * {@code list}, kind {@code cadence-changed}).
 */
public record CadenceChanged(long subjectId) implements LoggedChange {

	@Override
	public Subject subject() {
		return Subject.LIST;
	}

	@Override
	public String kind() {
		return "cadence-changed";
	}

}
