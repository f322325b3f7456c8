package org.broadsheet.media;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves originals under {@code /media/}; their names are content hashes, so they never
 * change.
 */
@Configuration(proxyBeanMethods = false)
class MediaWebConfig implements WebMvcConfigurer {

	private final MediaLibrary library;

	MediaWebConfig(MediaLibrary library) {
		this.library = library;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler(MediaLibrary.URL_PREFIX + "**")
			.addResourceLocations(library.folder().toUri().toString())
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
	}

}
