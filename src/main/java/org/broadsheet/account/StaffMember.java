package org.broadsheet.account;

/**
 * An account as the users page lists it.
 *
 * @param twoFactor whether it signs in with a TOTP code after its password
 */
public record StaffMember(Account account, AccountStatus status, boolean twoFactor) {

	/**
	 * @return whether it may sign in
	 */
	public boolean active() {
		return status == AccountStatus.ACTIVE;
	}

}
