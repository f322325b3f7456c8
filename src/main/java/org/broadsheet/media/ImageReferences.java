package org.broadsheet.media;

import java.util.List;

/**
 * Implemented by each module that keeps media library images in its rows (articles' lead
 * images and bodies, authors' portraits, imported WordPress attachments), so that the
 * library can say where an image is used and refuse to delete one that is, without
 * depending on those modules.
 */
public interface ImageReferences {

	/**
	 * @return the places that show {@code image}; an image with any may not be deleted
	 */
	List<ImageReference> of(Image image);

	/**
	 * Lets go of references that do not show the image (a record of where it came from),
	 * inside the transaction that deletes it. Nothing by default.
	 * @param imageId the image about to be deleted
	 */
	default void release(long imageId) {
	}

}
