package org.broadsheet.fediverse.follow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.fediverse.actor.Actors;
import org.broadsheet.fediverse.actor.LocalActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each actor's {@code followers} collection (ActivityPub §5.3): an
 * {@code OrderedCollection} with {@code totalItems}, the count of accepted followers, and
 * no items — as Mastodon shows other servers when a user hides the list: who reads the
 * publication is the readers' business. An unknown actor is a 404 problem (RFC 9457).
 */
@RestController
class FollowersController {

	private static final String ID = "{id:[1-9][0-9]{0,17}}";

	private final Actors actors;

	private final Followers followers;

	FollowersController(Actors actors, Followers followers) {
		this.actors = actors;
		this.followers = followers;
	}

	@GetMapping("/ap/site/followers")
	ResponseEntity<Object> site() {
		return collection(Optional.of(actors.site()));
	}

	@GetMapping("/ap/authors/" + ID + "/followers")
	ResponseEntity<Object> author(@PathVariable long id) {
		return collection(actors.author(id));
	}

	@GetMapping("/ap/sections/" + ID + "/followers")
	ResponseEntity<Object> section(@PathVariable long id) {
		return collection(actors.section(id));
	}

	private ResponseEntity<Object> collection(Optional<LocalActor> actor) {
		if (actor.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no such actor"));
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("@context", "https://www.w3.org/ns/activitystreams");
		json.put("id", actors.absolute(actor.get().path()) + "/followers");
		json.put("type", "OrderedCollection");
		json.put("totalItems", followers.count(actor.get().keyName()));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/activity+json"))
			.header("Cache-Control", "max-age=300")
			.body(json);
	}

}
