package org.broadsheet.account;

import java.io.Serializable;

/**
 * The signed-in newsroom account, as the security context holds it (its name is the
 * email).
 */
public record NewsroomUser(Account account) implements Serializable {

	@Override
	public String toString() {
		return account.email();
	}

}
