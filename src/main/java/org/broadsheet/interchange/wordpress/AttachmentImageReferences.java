package org.broadsheet.interchange.wordpress;

import java.util.List;

import org.broadsheet.media.Image;
import org.broadsheet.media.ImageReference;
import org.broadsheet.media.ImageReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An imported WordPress attachment only records which library image its file became: it
 * shows the image nowhere, so it never keeps one from being deleted; the record stays,
 * without the image, and exports again with its original URL.
 */
@Component
class AttachmentImageReferences implements ImageReferences {

	private final JdbcClient jdbc;

	AttachmentImageReferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<ImageReference> of(Image image) {
		return List.of();
	}

	@Override
	public void release(long imageId) {
		jdbc.sql("UPDATE wordpress_attachment SET image_id = NULL WHERE image_id = ?").param(imageId).update();
	}

}
