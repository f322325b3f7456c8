package org.broadsheet.api;

import org.broadsheet.shared.LoggedChange;

/**
 * A Content API key was issued or revoked. Published inside the transaction that made the
 * change and written to the change log; the node that made it forgets its remembered
 * lookups once it commits.
 *
 * @param subjectId the key's {@code content_key.id}
 * @param kind {@code issued} or {@code revoked}
 */
public record ContentKeyEvent(long subjectId, String kind) implements LoggedChange {

	@Override
	public Subject subject() {
		return Subject.KEY;
	}

}
