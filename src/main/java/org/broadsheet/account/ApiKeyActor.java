package org.broadsheet.account;

/**
 * A script calling the Admin API with an administrator-issued API key: it acts for the
 * key's account (whose articles are its own) with the lower of the key's role and the
 * account's current role, so that demoting an account also narrows its keys. Audit
 * entries name the account and the key.
 *
 * @param keyId the key's {@code api_key.id}
 * @param keyName the name the administrator gave it, e.g. "Print system"
 * @param account the account the key acts for, as it is now
 * @param scope the role the key was scoped to when created
 */
public record ApiKeyActor(long keyId, String keyName, Account account, Role scope) implements Actor {

	@Override
	public Long accountId() {
		return account.id();
	}

	@Override
	public String label() {
		return who(account.displayName(), keyName);
	}

	@Override
	public Role role() {
		return scope.atLeast(account.role()) ? account.role() : scope;
	}

	@Override
	public Long apiKeyId() {
		return keyId;
	}

	/**
	 * @param who an audit entry's account display name or system actor
	 * @param keyName the API key the change came through, or null
	 * @return who, as the newsroom's history shows it, naming the key if there was one
	 */
	public static String who(String who, String keyName) {
		return keyName == null ? who : who + " (API key “" + keyName + "”)";
	}

}
