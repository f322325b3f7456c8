package org.broadsheet.account;

import java.util.Locale;

/**
 * Whether an account may sign in: stored lower case in {@code account.status}.
 */
public enum AccountStatus {

	/** Signs in; its API keys work. */
	ACTIVE,

	/**
	 * An administrator disabled it: it cannot sign in, its sessions ended, its API keys
	 * authenticate nothing; it can be enabled again.
	 */
	DISABLED,

	/**
	 * Deleted: its email is freed and its row kept only so that history still names it.
	 */
	DELETED;

	/**
	 * @return the stored form, e.g. {@code active}
	 */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	static AccountStatus of(String key) {
		return valueOf(key.toUpperCase(Locale.ROOT));
	}

}
