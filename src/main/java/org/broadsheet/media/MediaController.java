package org.broadsheet.media;

import java.time.Duration;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /media/variants/…}: responsive variants, made from the original when missing.
 */
@RestController
class MediaController {

	private final MediaLibrary library;

	MediaController(MediaLibrary library) {
		this.library = library;
	}

	@GetMapping("/media/variants/{hash:[0-9a-f]{64}}-{width:\\d{1,5}}.{extension:jpg|png}")
	ResponseEntity<Resource> variant(@PathVariable String hash, @PathVariable int width) {
		var image = library.byHash(hash).filter(i -> i.variantWidths().contains(width));
		if (image.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		var file = Variants.ensure(library.folder(), image.get(), width);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
			.contentType(image.get().contentType().equals("image/png") ? MediaType.IMAGE_PNG : MediaType.IMAGE_JPEG)
			.body(new FileSystemResource(file));
	}

}
