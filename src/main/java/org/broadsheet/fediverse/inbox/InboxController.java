package org.broadsheet.fediverse.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.broadsheet.fediverse.signature.FetchFailed;
import org.broadsheet.fediverse.signature.HttpSignatures;
import org.broadsheet.fediverse.signature.RemoteKeys;
import org.broadsheet.fediverse.signature.SignatureRejected;
import org.broadsheet.fediverse.signature.SignedRequest;
import org.broadsheet.shared.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inboxes (ActivityPub §7, server to server): {@code POST /ap/inbox} (the shared
 * inbox, §7.1.3), {@code /ap/site/inbox}, {@code /ap/authors/<id>/inbox} and
 * {@code /ap/sections/<id>/inbox}. A request must be signed (HTTP Signatures,
 * draft-cavage-12 or RFC 9421, verified with {@link HttpSignatures} and the signer's key
 * from {@link RemoteKeys}), carry a digest of its body, and name as {@code actor} the
 * owner of the key; the body is at most {@link #MAX_BODY} bytes of JSON. Answers: 202
 * when taken (also for types nobody handles, which are ignored), 401 when unsigned or
 * badly signed, 400 naming the property when malformed, 413 when too large, 429 when the
 * signer's host sent too many; all errors are RFC 9457 problems, never a 500.
 */
@RestController
class InboxController {

	/** The largest body read, bytes (256 KiB; Mastodon's activities are a few KiB). */
	static final int MAX_BODY = 256 * 1024;

	private static final Logger log = LoggerFactory.getLogger(InboxController.class);

	private static final String ID = "{id:[1-9][0-9]{0,17}}";

	private final HttpSignatures signatures;

	private final RemoteKeys keys;

	private final Clock clock;

	private final InboxLimits limits;

	private final Map<String, InboxHandler> handlers;

	private final List<BlockedActors> blocks;

	private final JsonMapper json = JsonMapper.builder().build();

	InboxController(HttpSignatures signatures, RemoteKeys keys, Clock clock, InboxLimits limits,
			List<InboxHandler> handlers, List<BlockedActors> blocks) {
		this.signatures = signatures;
		this.keys = keys;
		this.clock = clock;
		this.limits = limits;
		this.handlers = byType(handlers);
		this.blocks = List.copyOf(blocks);
	}

	private static Map<String, InboxHandler> byType(List<InboxHandler> handlers) {
		Map<String, InboxHandler> map = new LinkedHashMap<>();
		for (InboxHandler handler : handlers) {
			for (String type : handler.types()) {
				InboxHandler before = map.put(type, handler);
				if (before != null) {
					throw new IllegalStateException("two inbox handlers take " + type + ": " + before.getClass()
							+ " and " + handler.getClass());
				}
			}
		}
		return Collections.unmodifiableMap(map);
	}

	@PostMapping("/ap/inbox")
	ResponseEntity<Object> shared(HttpServletRequest request) {
		return receive(request, null);
	}

	@PostMapping("/ap/site/inbox")
	ResponseEntity<Object> site(HttpServletRequest request) {
		return receive(request, "site");
	}

	@PostMapping("/ap/authors/" + ID + "/inbox")
	ResponseEntity<Object> author(@PathVariable long id, HttpServletRequest request) {
		return receive(request, "author:" + id);
	}

	@PostMapping("/ap/sections/" + ID + "/inbox")
	ResponseEntity<Object> section(@PathVariable long id, HttpServletRequest request) {
		return receive(request, "section:" + id);
	}

	private ResponseEntity<Object> receive(HttpServletRequest request, String inbox) {
		try {
			if (!activityJson(request.getContentType())) {
				return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/activity+json");
			}
			byte[] body = body(request);
			if (body == null) {
				return problem(HttpStatus.CONTENT_TOO_LARGE, "the body is larger than " + MAX_BODY + " bytes");
			}
			SignedRequest signed = InboxRequests.signed(request, body);
			if (signed.header("Digest") == null && signed.header("Content-Digest") == null) {
				return problem(HttpStatus.UNAUTHORIZED, "a signed Digest or Content-Digest of the body is required");
			}
			String keyId = signatures.verify(signed, keys);
			String owner = keys.owner(keyId);
			if (!limits.allow(owner)) {
				return problem(HttpStatus.TOO_MANY_REQUESTS, "too many activities from this host");
			}
			JsonNode activity = parse(body);
			String type = text(activity, "type");
			String actor = actorId(activity.get("actor"));
			if (owner == null || !owner.equals(actor)) {
				return problem(HttpStatus.UNAUTHORIZED,
						"the activity's actor " + actor + " is not the signer " + owner);
			}
			URI signer = URI.create(owner);
			if (blocks.stream().anyMatch(b -> b.blocked(signer))) {
				// Accepted and dropped: a blocked server learns nothing it could route
				// around.
				return ResponseEntity.accepted().build();
			}
			InboxHandler handler = handler(type, activity);
			if (handler != null) {
				handler.handle(new InboxActivity(signer, type, activity, inbox, clock.millis()));
			}
			return ResponseEntity.accepted().build();
		}
		catch (SignatureRejected ex) {
			log.debug("inbox refused a signature: {}", ex.getMessage());
			return problem(HttpStatus.UNAUTHORIZED, ex.getMessage());
		}
		catch (FetchFailed ex) {
			log.debug("inbox could not fetch the signer's key: {}", ex.getMessage());
			return problem(HttpStatus.UNAUTHORIZED, "the signer's key could not be fetched: " + ex.reason());
		}
		catch (InvalidInput ex) {
			return problem(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		catch (IOException ex) {
			return problem(HttpStatus.BAD_REQUEST, "the body could not be read");
		}
		catch (RuntimeException ex) {
			// Never a 500 to a peer: it would retry for days.
			log.warn("inbox failed on an activity", ex);
			return problem(HttpStatus.BAD_REQUEST, "the activity could not be processed");
		}
	}

	/**
	 * An {@code Undo} goes to the handler of {@code Undo:<type of its object>} when there
	 * is one (so that following and the other interactions can each undo their own), else
	 * to the handler of {@code Undo}.
	 */
	private InboxHandler handler(String type, JsonNode activity) {
		if ("Undo".equals(type)) {
			JsonNode object = activity.path("object");
			if (object.isObject() && object.path("type").isString()) {
				InboxHandler specific = handlers.get("Undo:" + object.path("type").asString());
				if (specific != null) {
					return specific;
				}
			}
		}
		return handlers.get(type);
	}

	private JsonNode parse(byte[] body) {
		try {
			JsonNode node = json.readTree(body);
			if (node == null || !node.isObject()) {
				throw new InvalidInput("body", "fediverse.inbox.malformed");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new InvalidInput("body", "fediverse.inbox.malformed");
		}
	}

	private static String text(JsonNode activity, String property) {
		JsonNode value = activity.get(property);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new InvalidInput(property, "fediverse.inbox.missing", property);
		}
		return value.asString();
	}

	/** The {@code actor}: its id as a string, or an object with an {@code id}. */
	private static String actorId(JsonNode actor) {
		if (actor != null && actor.isString()) {
			return actor.asString();
		}
		if (actor != null && actor.isObject() && actor.path("id").isString()) {
			return actor.path("id").asString();
		}
		throw new InvalidInput("actor", "fediverse.inbox.missing", "actor");
	}

	private static boolean activityJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			String name = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
			return name.equals("application/activity+json") || name.equals("application/ld+json")
					|| name.equals("application/json");
		}
		catch (org.springframework.http.InvalidMediaTypeException ex) {
			return false;
		}
	}

	/**
	 * @return the body, or null when larger than {@link #MAX_BODY}
	 */
	private static byte[] body(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_BODY + 1);
			return bytes.length > MAX_BODY ? null : bytes;
		}
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
