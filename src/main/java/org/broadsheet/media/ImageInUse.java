package org.broadsheet.media;

import org.broadsheet.shared.Conflict;
import org.broadsheet.shared.InvalidInput;

/**
 * Refuses to delete an image that an article, an author or another holder still shows
 * (409 in the Admin API).
 */
public class ImageInUse extends InvalidInput implements Conflict {

	private static final long serialVersionUID = 1L;

	ImageInUse(long imageId, int uses) {
		super("image", "media.invalid.inUse", String.valueOf(imageId), String.valueOf(uses));
	}

}
