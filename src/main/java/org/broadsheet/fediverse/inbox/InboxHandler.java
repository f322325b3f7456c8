package org.broadsheet.fediverse.inbox;

import java.util.Set;

/**
 * Handles the verified activities of some types. The inbox calls the one handler of an
 * activity's type once per delivery (a peer may deliver the same activity again: handlers
 * are idempotent, keyed by the activity's or object's {@code id}).
 */
public interface InboxHandler {

	/**
	 * @return the activity types handled ({@code Like}, {@code Create}, …); each type has
	 * one handler
	 */
	Set<String> types();

	/**
	 * @throws org.broadsheet.shared.InvalidInput naming the property when the activity is
	 * malformed or refers to nothing here (the inbox answers 400 with the problem)
	 */
	void handle(InboxActivity activity);

}
