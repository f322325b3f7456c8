package org.broadsheet.account;

/**
 * What sign-in and each newsroom request need to know of an account, as stored now.
 *
 * @param generation sessions signed in under another value have ended
 * @param twoFactor whether sign-in asks for a TOTP code after the password
 */
record Standing(Account account, AccountStatus status, long generation, boolean twoFactor) {

	boolean active() {
		return status == AccountStatus.ACTIVE;
	}

}
