package org.broadsheet.media;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link MediaStore}, as {@code broadsheet.media.store} says: {@code local} (the
 * default) or {@code s3}.
 */
@Configuration(proxyBeanMethods = false)
class MediaStoreConfiguration {

	/**
	 * @throws IllegalStateException for a store that is neither {@code local} nor
	 * {@code s3}, or {@code s3} without a bucket
	 */
	@Bean
	MediaStore mediaStore(MediaStorage storage, @Value("${broadsheet.data}") Path data) {
		return switch (storage.store()) {
			case "local" -> new LocalMediaStore(data.resolve("media"));
			case "s3" -> S3MediaStore.connect(storage.s3());
			default -> throw new IllegalStateException(
					"broadsheet.media.store must be local or s3, not '" + storage.store() + "'");
		};
	}

}
