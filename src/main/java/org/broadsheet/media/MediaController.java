package org.broadsheet.media;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * {@code /media/…}: originals ({@code /media/3f/3fa9….jpg}) and responsive variants
 * ({@code /media/variants/3fa9…-960.jpg}, made from the original when missing), streamed
 * from the {@link MediaStore} by whichever node is asked. Names are content hashes, so
 * responses may be kept a year ({@code immutable}); the ETag is the file name, so a
 * revalidation (If-None-Match, RFC 9110 §13.1.2) is answered 304 without reading the
 * store. A missing object is 404; a store that cannot be reached, 503.
 */
@RestController
class MediaController {

	private static final Logger log = LoggerFactory.getLogger(MediaController.class);

	private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final MediaLibrary library;

	MediaController(MediaLibrary library) {
		this.library = library;
	}

	@GetMapping("/media/{prefix:[0-9a-f]{2}}/{hash:[0-9a-f]{64}}.{extension:jpg|png|gif|webp}")
	ResponseEntity<Resource> original(@PathVariable String prefix, @PathVariable String hash,
			@PathVariable String extension, WebRequest request) {
		String name = hash + "." + extension;
		if (!hash.startsWith(prefix)) {
			return ResponseEntity.notFound().build();
		}
		if (request.checkNotModified(etag(name))) {
			return null;
		}
		return serve(prefix + "/" + name, library.store().open(prefix + "/" + name));
	}

	@GetMapping("/media/variants/{hash:[0-9a-f]{64}}-{width:\\d{1,5}}.{extension:jpg|png}")
	ResponseEntity<Resource> variant(@PathVariable String hash, @PathVariable int width, @PathVariable String extension,
			WebRequest request) {
		var image = library.byHash(hash)
			.filter(i -> i.variantWidths().contains(width) && i.variantName(width).endsWith("." + extension));
		if (image.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		String key = Variants.key(image.get(), width);
		if (request.checkNotModified(etag(image.get().variantName(width)))) {
			return null;
		}
		var stored = library.store().open(key);
		if (stored.isEmpty() && Variants.make(library.store(), library.folder(), image.get(), width)) {
			stored = library.store().open(key);
		}
		return serve(key, stored);
	}

	private static ResponseEntity<Resource> serve(String key, Optional<MediaStream> stored) {
		if (stored.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		var object = stored.get();
		return ResponseEntity.ok()
			.cacheControl(FOREVER)
			.contentType(MediaType.parseMediaType(MediaStore.contentType(key)))
			.contentLength(object.size())
			.lastModified(object.lastModified())
			.eTag(etag(key.substring(key.lastIndexOf('/') + 1)))
			// written, then closed, by Spring's resource converter
			.body(new InputStreamResource(object.content()));
	}

	private static String etag(String name) {
		return "\"" + name + "\"";
	}

	@ExceptionHandler(UncheckedIOException.class)
	ResponseEntity<Void> unavailable(UncheckedIOException ex) {
		log.warn("Media store: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "10")
			.cacheControl(CacheControl.noStore())
			.build();
	}

}
