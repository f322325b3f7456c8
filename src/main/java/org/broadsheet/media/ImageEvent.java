package org.broadsheet.media;

import org.broadsheet.shared.LoggedChange;

/**
 * An image came into the media library through an upload (the newsroom's or the Admin
 * API's). Published inside the transaction that recorded it and written to the change
 * log.
 *
 * @param subjectId the image's id
 */
public record ImageEvent(long subjectId) implements LoggedChange {

	@Override
	public Subject subject() {
		return Subject.IMAGE;
	}

	@Override
	public String kind() {
		return "uploaded";
	}

}
