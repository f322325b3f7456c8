package org.broadsheet.account;

import org.broadsheet.shared.LoggedChange;

/**
 * A newsroom account changed. Published inside the transaction that made the change and
 * written to the change log, so every node can follow accounts (no page shows one, so no
 * page keys go with it).
 */
public record AccountEvent(long subjectId, What what) implements LoggedChange {

	/**
	 * What happened; logged as its lower-case name. Role changes, disabling and password
	 * changes will add theirs here.
	 */
	public enum What {

		/** Created in the newsroom, by the {@code user} command or by the demo. */
		CREATED,

		/** An administrator issued an API key that acts for the account. */
		API_KEY_ISSUED,

		/** An administrator revoked one of the account's API keys. */
		API_KEY_REVOKED

	}

	@Override
	public Subject subject() {
		return Subject.ACCOUNT;
	}

	@Override
	public String kind() {
		return LoggedChange.key(what);
	}

}
