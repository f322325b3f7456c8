package org.broadsheet.account;

import java.util.Locale;

import org.broadsheet.shared.InvalidInput;

/**
 * Newsroom roles, each with every capability of the ones before it: a contributor writes
 * drafts and submits them for review; an author also publishes their own; an editor edits
 * and publishes anyone's and moderates; an administrator also manages users and site
 * settings.
 */
public enum Role {

	CONTRIBUTOR, AUTHOR, EDITOR, ADMINISTRATOR;

	/**
	 * @return whether this role has every capability of {@code other}
	 */
	public boolean atLeast(Role other) {
		return compareTo(other) >= 0;
	}

	/**
	 * @return the Spring Security authority, e.g. {@code ROLE_EDITOR}
	 */
	String authority() {
		return "ROLE_" + name();
	}

	/**
	 * @param name a role name in any case, e.g. "editor"
	 * @throws IllegalArgumentException naming the valid roles
	 */
	public static Role parse(String name) {
		try {
			return valueOf(name.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidInput("role", "account.invalid.role", name);
		}
	}

}
