package org.broadsheet.media;

import java.nio.file.Files;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The media store in {@code /actuator/health} (as {@code mediaStore}, part of readiness):
 * DOWN when the media folder is missing or cannot be written, since uploads and image
 * variants would fail.
 */
@Component
class MediaStoreHealthIndicator implements HealthIndicator {

	private final MediaLibrary library;

	MediaStoreHealthIndicator(MediaLibrary library) {
		this.library = library;
	}

	@Override
	public Health health() {
		var folder = library.folder();
		return Files.isDirectory(folder) && Files.isWritable(folder) ? Health.up().build()
				: Health.down()
					.withDetail("folder", folder.toString())
					.withDetail("problem", "not a writable folder")
					.build();
	}

}
