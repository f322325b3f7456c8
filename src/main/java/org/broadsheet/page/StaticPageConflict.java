package org.broadsheet.page;

import org.broadsheet.shared.Conflict;
import org.broadsheet.shared.InvalidInput;

/** A page refused because of another stored page: its slug is taken. */
public class StaticPageConflict extends InvalidInput implements Conflict {

	private static final long serialVersionUID = 1L;

	/**
	 * @param field the field at fault, e.g. {@code slug}
	 * @param key a key of {@code messages.properties}
	 * @param arguments for the message's placeholders
	 */
	public StaticPageConflict(String field, String key, Object... arguments) {
		super(field, key, arguments);
	}

}
