package org.broadsheet.fediverse.delivery;

import org.broadsheet.shared.LoggedChange;

/**
 * Editors forgot a dead fediverse instance; written to the change log (subject id 0: the
 * instance's row is keyed by host, which its audit entry names).
 */
public record InstanceForgotten() implements LoggedChange {

	@Override
	public Subject subject() {
		return Subject.FEDIHOST;
	}

	@Override
	public long subjectId() {
		return 0;
	}

	@Override
	public String kind() {
		return "forgotten";
	}

}
