package org.broadsheet.fediverse.actor;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The actors' own addresses: {@code /ap/site}, {@code /ap/authors/<id>} and
 * {@code /ap/sections/<id>} answer the actor document whatever the {@code Accept} header
 * asks; each actor's {@code inbox} and {@code following} answer an empty
 * {@code OrderedCollection} (the site follows nobody, and an inbox is not for reading).
 * The {@code followers} are in {@code fediverse.follow}, the {@code outbox} in
 * {@code fediverse.publish}, POSTs to an inbox in {@code fediverse.inbox}. An unknown
 * actor is a 404 problem (RFC 9457).
 */
@RestController
class ActorController {

	private static final String ID = "{id:[1-9][0-9]{0,17}}";

	private static final String COLLECTION = "{collection:inbox|following}";

	private final Actors actors;

	private final ActorDocuments documents;

	ActorController(Actors actors, ActorDocuments documents) {
		this.actors = actors;
		this.documents = documents;
	}

	@GetMapping("/ap/site")
	ResponseEntity<Object> site(HttpServletRequest request) {
		return document(Optional.of(actors.site()), request);
	}

	@GetMapping("/ap/authors/" + ID)
	ResponseEntity<Object> author(@PathVariable long id, HttpServletRequest request) {
		return document(actors.author(id), request);
	}

	@GetMapping("/ap/sections/" + ID)
	ResponseEntity<Object> section(@PathVariable long id, HttpServletRequest request) {
		return document(actors.section(id), request);
	}

	@GetMapping("/ap/site/" + COLLECTION)
	ResponseEntity<Object> siteCollection(@PathVariable String collection, HttpServletRequest request) {
		return collection(Optional.of(actors.site()), collection, request);
	}

	@GetMapping("/ap/authors/" + ID + "/" + COLLECTION)
	ResponseEntity<Object> authorCollection(@PathVariable long id, @PathVariable String collection,
			HttpServletRequest request) {
		return collection(actors.author(id), collection, request);
	}

	@GetMapping("/ap/sections/" + ID + "/" + COLLECTION)
	ResponseEntity<Object> sectionCollection(@PathVariable long id, @PathVariable String collection,
			HttpServletRequest request) {
		return collection(actors.section(id), collection, request);
	}

	private ResponseEntity<Object> document(Optional<LocalActor> actor, HttpServletRequest request) {
		return actor.map(found -> ActivityJson.ok(request, documents.document(found), ActivityJson.SHARED))
			.orElseGet(() -> ActivityJson.problem(HttpStatus.NOT_FOUND, "no such actor"));
	}

	private ResponseEntity<Object> collection(Optional<LocalActor> actor, String collection,
			HttpServletRequest request) {
		return actor
			.map(found -> ActivityJson.ok(request, ActivityJson.emptyCollection(documents.id(found) + "/" + collection),
					ActivityJson.SHARED))
			.orElseGet(() -> ActivityJson.problem(HttpStatus.NOT_FOUND, "no such actor"));
	}

}
