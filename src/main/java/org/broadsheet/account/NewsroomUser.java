package org.broadsheet.account;

import java.io.Serializable;

/**
 * The signed-in newsroom account, as the security context holds it (its name is the
 * email).
 *
 * @param generation the account's session generation at sign-in: when it moves on
 * (disabled, deleted, password changed) this session ends ({@link AccountSessions})
 */
public record NewsroomUser(Account account, long generation) implements Serializable {

	/** A sign-in of the first generation (tests, the demo). */
	public NewsroomUser(Account account) {
		this(account, 0);
	}

	@Override
	public String toString() {
		return account.email();
	}

}
