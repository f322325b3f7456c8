package org.broadsheet.feed;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /feed} and {@code /feed/}, WordPress's feed address that readers and aggregators
 * of an imported site still poll: 301 to {@code /feed/rss}.
 */
@RestController
class WordPressFeedAddress {

	@GetMapping({ "/feed", "/feed/" })
	ResponseEntity<Void> feed() {
		return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, "/feed/rss").build();
	}

}
