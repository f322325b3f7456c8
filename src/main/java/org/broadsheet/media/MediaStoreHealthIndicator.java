package org.broadsheet.media;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The media store in {@code /actuator/health} (as {@code mediaStore}, part of readiness):
 * DOWN when the media folder is missing or cannot be written, or the S3 bucket does not
 * answer a HeadBucket within 2 seconds, since uploads and image variants would fail.
 */
@Component
class MediaStoreHealthIndicator implements HealthIndicator {

	private final MediaStore store;

	MediaStoreHealthIndicator(MediaLibrary library) {
		this.store = library.store();
	}

	@Override
	public Health health() {
		return store.problem()
			.map(problem -> Health.down().withDetail("store", store.toString()).withDetail("problem", problem).build())
			.orElseGet(() -> Health.up().build());
	}

}
