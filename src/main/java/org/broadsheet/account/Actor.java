package org.broadsheet.account;

/**
 * Who makes a change: a newsroom {@link Account}, an {@link ApiKeyActor} (a script using
 * the Admin API for an account), or a {@link SystemActor} (the scheduler, an import, the
 * demo) that the operator started. Every use case takes one, checks its
 * {@link Permission}s and names it in the audit log. (Not sealed: a sealed interface and
 * its implementations would refer to each other, a class cycle.)
 */
public interface Actor {

	/**
	 * @return the account's id, or null for a system actor
	 */
	Long accountId();

	/**
	 * @return who, as the newsroom's history shows it: a display name or a system actor's
	 * name
	 */
	String label();

	/**
	 * @return the role whose permissions this actor has: an account's; for an API key the
	 * lower of its own and its account's; {@link Role#ADMINISTRATOR} for a system actor
	 */
	Role role();

	/**
	 * @return the API key through which the change came (its {@code api_key.id}), which
	 * audit entries name beside the account; null for a person signed in or a system
	 * actor
	 */
	default Long apiKeyId() {
		return null;
	}

}
