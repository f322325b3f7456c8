package org.broadsheet.fediverse.follow;

import org.broadsheet.shared.LoggedChange;

/**
 * Editors approved or rejected a fediverse follower; written to the change log.
 *
 * @param subjectId the follower's {@code fediverse_follower.id}
 * @param kind {@code approved} or {@code rejected}
 */
public record FollowerChanged(long subjectId, String kind) implements LoggedChange {

	@Override
	public Subject subject() {
		return Subject.FEDIFOLLOW;
	}

}
