package org.broadsheet.account;

import org.broadsheet.shared.LoggedChange;

/**
 * A newsroom account changed. Published inside the transaction that made the change and
 * written to the change log, so every node can follow accounts (no page shows one, so no
 * page keys go with it).
 */
public record AccountEvent(long subjectId, What what) implements LoggedChange {

	/**
	 * What happened; logged as its lower-case name. Creation is the only change to an
	 * account there is today; role changes, disabling and password changes will add
	 * theirs here.
	 */
	public enum What {

		/** Created in the newsroom, by the {@code user} command or by the demo. */
		CREATED

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
