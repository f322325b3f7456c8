package org.broadsheet.fediverse.actor;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The media types of ActivityPub (W3C ActivityPub §3.2) and the responses that carry its
 * documents.
 */
final class ActivityJson {

	/** The ActivityStreams 2.0 context and namespace. */
	static final String ACTIVITY_STREAMS = "https://www.w3.org/ns/activitystreams";

	/** The audience everyone: {@code as:Public} (ActivityPub §5.6). */
	static final String PUBLIC = ACTIVITY_STREAMS + "#Public";

	/** {@code application/activity+json}. */
	static final String ACTIVITY = "application/activity+json";

	/** {@code application/ld+json}, asked for with the ActivityStreams profile. */
	static final String LD = "application/ld+json";

	/** What ActivityPub answers for {@code application/ld+json} requests. */
	static final MediaType LD_PROFILE = new MediaType("application", "ld+json",
			Map.of("profile", "\"" + ACTIVITY_STREAMS + "\""));

	/**
	 * {@code Cache-Control} of documents at their own {@code /ap/…} address: shared
	 * caches may keep them five minutes.
	 */
	static final String SHARED = "max-age=300";

	/**
	 * {@code Cache-Control} of documents negotiated at an HTML page's address: a cache
	 * that ignores {@code Vary: Accept} would otherwise hand JSON to browsers.
	 */
	static final String PRIVATE = "private, max-age=300";

	private ActivityJson() {
	}

	/**
	 * @return a 200 with the document as {@code application/ld+json; profile=…} when the
	 * request prefers that, else as {@code application/activity+json}; with
	 * {@code Vary: Accept}
	 */
	static ResponseEntity<Object> ok(HttpServletRequest request, Map<String, Object> document, String cacheControl) {
		return ResponseEntity.ok()
			.contentType(type(request))
			.header("Vary", "Accept")
			.header("Cache-Control", cacheControl)
			.body(document);
	}

	/**
	 * The first of the two ActivityPub types the {@code Accept} header lists decides;
	 * {@code application/activity+json} when it lists neither.
	 */
	private static MediaType type(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		if (accept != null) {
			try {
				for (MediaType wanted : MediaType.parseMediaTypes(accept)) {
					String type = wanted.getType() + "/" + wanted.getSubtype();
					if (type.equalsIgnoreCase(ACTIVITY)) {
						break;
					}
					if (type.equalsIgnoreCase(LD)) {
						return LD_PROFILE;
					}
				}
			}
			catch (InvalidMediaTypeException ex) {
				// An unreadable Accept gets the default.
			}
		}
		return MediaType.parseMediaType(ACTIVITY);
	}

	/**
	 * @param detail what is wrong, in English
	 * @return an RFC 9457 problem ({@code application/problem+json})
	 */
	static ResponseEntity<Object> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	/**
	 * @return an empty {@code OrderedCollection} (Activity Vocabulary §2.3) with this id
	 */
	static Map<String, Object> emptyCollection(String id) {
		return Map.of("@context", ACTIVITY_STREAMS, "id", id, "type", "OrderedCollection", "totalItems", 0,
				"orderedItems", List.of());
	}

}
