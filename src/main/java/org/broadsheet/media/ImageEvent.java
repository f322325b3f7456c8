package org.broadsheet.media;

import org.broadsheet.shared.LoggedChange;

/**
 * A change to the media library: an image came in through an upload (the newsroom's or
 * the Admin API's), its default texts were edited, or it was deleted. Published inside
 * the transaction that made the change and written to the change log.
 *
 * @param subjectId the image's id
 * @param change what happened
 */
public record ImageEvent(long subjectId, Change change) implements LoggedChange {

	/** What happened to the image. */
	public enum Change {

		/** Stored from an upload. */
		UPLOADED,
		/** Its default alt text, caption or credit changed. */
		DESCRIBED,
		/** Removed from the library (it was used nowhere). */
		DELETED

	}

	@Override
	public Subject subject() {
		return Subject.IMAGE;
	}

	@Override
	public String kind() {
		return LoggedChange.key(change);
	}

}
