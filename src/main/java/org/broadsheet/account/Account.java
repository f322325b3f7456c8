package org.broadsheet.account;

import java.time.Instant;

/**
 * A newsroom account.
 *
 * @param email lower-cased; the sign-in name
 * @param createdAt UTC instant
 */
public record Account(long id, String email, String displayName, Role role, Instant createdAt) implements Actor {

	@Override
	public Long accountId() {
		return id;
	}

	@Override
	public String label() {
		return displayName;
	}

}
