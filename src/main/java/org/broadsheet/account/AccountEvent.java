package org.broadsheet.account;

import org.broadsheet.shared.LoggedChange;

/**
 * A newsroom account changed. Published inside the transaction that made the change and
 * written to the change log, so every node can follow accounts (no page shows one, so no
 * page keys go with it). Other modules follow a deletion in the same transaction: the
 * articles the account owned go to {@code heirId}'s account, its author profile is marked
 * former staff.
 *
 * @param heirId for {@link What#DELETED}: the account that now owns the deleted one's
 * articles, or null when they stay where they are; null for every other change
 */
public record AccountEvent(long subjectId, What what, Long heirId) implements LoggedChange {

	/** A change with no heir: anything but a deletion that gives articles away. */
	public AccountEvent(long subjectId, What what) {
		this(subjectId, what, null);
	}

	/** What happened; logged as its lower-case name, words joined by hyphens. */
	public enum What {

		/** Created in the newsroom, by the {@code user} command or by the demo. */
		CREATED,

		/** An administrator issued an API key that acts for the account. */
		API_KEY_ISSUED,

		/** An administrator revoked one of the account's API keys. */
		API_KEY_REVOKED,

		/** An administrator gave the account another role. */
		ROLE_CHANGED,

		/** An administrator disabled the account: no sign-in, no API keys. */
		DISABLED,

		/** An administrator enabled a disabled account again. */
		ENABLED,

		/** An administrator deleted the account. */
		DELETED,

		/**
		 * The password changed: by its owner, by a reset link, or by an administrator or
		 * the {@code user reset-password} command.
		 */
		PASSWORD_CHANGED,

		/** Its owner turned two-factor sign-in on. */
		TWO_FACTOR_ENABLED,

		/** Its owner or an administrator turned two-factor sign-in off. */
		TWO_FACTOR_DISABLED

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
