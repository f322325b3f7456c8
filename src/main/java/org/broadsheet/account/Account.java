package org.broadsheet.account;

import java.io.Serializable;
import java.time.Instant;

/**
 * A newsroom account. Serializable: the signed-in principal ({@link NewsroomUser}) holds
 * it, and on PostgreSQL sessions are stored in the database ({@link SharedSessions}).
 *
 * @param email lower-cased; the sign-in name
 * @param createdAt UTC instant
 */
public record Account(long id, String email, String displayName, Role role,
		Instant createdAt) implements Actor, Serializable {

	@Override
	public Long accountId() {
		return id;
	}

	@Override
	public String label() {
		return displayName;
	}

}
