package org.broadsheet.account;

/**
 * Who makes a change: a newsroom {@link Account}, or a {@link SystemActor} (the
 * scheduler, an import, the demo) that the operator started. Every use case takes one,
 * checks its {@link Permission}s and names it in the audit log. (Not sealed: a sealed
 * interface and its implementations would refer to each other, a class cycle.)
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

}
