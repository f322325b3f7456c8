package org.broadsheet.fediverse.interaction;

import org.broadsheet.shared.LoggedChange;

/**
 * Editors blocked or unblocked a fediverse account or domain; written to the change log.
 *
 * @param subjectId the block's {@code fediverse_block.id}
 * @param blocked true when added, false when removed
 */
public record BlockChanged(long subjectId, boolean blocked) implements LoggedChange {

	@Override
	public Subject subject() {
		return Subject.FEDIBLOCK;
	}

	@Override
	public String kind() {
		return blocked ? "blocked" : "unblocked";
	}

}
