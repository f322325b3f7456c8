package org.broadsheet.account;

import org.broadsheet.shared.Conflict;
import org.broadsheet.shared.InvalidInput;

/**
 * A change to an account that its state forbids: an administrator changing, disabling or
 * deleting their own account, or leaving the newsroom without an active administrator.
 * Answered 409 by an API, shown beside the field on a page.
 */
public class AccountConflict extends InvalidInput implements Conflict {

	private static final long serialVersionUID = 1L;

	/**
	 * @param field the form field to name
	 * @param key a message key of {@code messages.properties}
	 */
	public AccountConflict(String field, String key, Object... arguments) {
		super(field, key, arguments);
	}

}
