package org.broadsheet.fediverse.actor;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WebFinger (RFC 7033) for this site's actors: {@code resource} is an {@code acct:} URI
 * (RFC 7565) {@code acct:user@host} whose host is the site's (the base URL's authority),
 * or the URL of an actor or of an author's page. Answers a JRD
 * ({@code application/jrd+json}, §4.4) with the {@code acct:} subject, the actor id and
 * page as aliases, and links {@code self} (the actor document) and
 * {@code http://webfinger.net/rel/profile-page}, filtered by {@code rel} parameters when
 * given (§4.3). A missing or malformed resource is a 400 problem (RFC 9457), an unknown
 * user or another host a 404 one. Every answer carries
 * {@code Access-Control-Allow-Origin: *} (§5).
 */
@RestController
class WebFingerController {

	/** The link relation of a profile page (webfinger.net). */
	static final String PROFILE_PAGE = "http://webfinger.net/rel/profile-page";

	private static final MediaType JRD = MediaType.parseMediaType("application/jrd+json");

	private final Actors actors;

	private final ActorDocuments documents;

	WebFingerController(Actors actors, ActorDocuments documents) {
		this.actors = actors;
		this.documents = documents;
	}

	@GetMapping("/.well-known/webfinger")
	ResponseEntity<Object> webfinger(@RequestParam(required = false) String resource,
			@RequestParam(required = false) List<String> rel) {
		if (resource == null || resource.isBlank()) {
			return cors(ActivityJson.problem(HttpStatus.BAD_REQUEST, "resource is required: acct:user@host"));
		}
		Optional<LocalActor> actor;
		String domain = actors.domain();
		if (resource.regionMatches(true, 0, "acct:", 0, 5)) {
			String account = resource.substring(5);
			int at = account.lastIndexOf('@');
			if (at < 1 || at == account.length() - 1) {
				return cors(ActivityJson.problem(HttpStatus.BAD_REQUEST, "resource must be acct:user@host"));
			}
			if (!account.substring(at + 1).toLowerCase(Locale.ROOT).equals(domain)) {
				return cors(ActivityJson.problem(HttpStatus.NOT_FOUND, "this site's handles end in @" + domain));
			}
			String user = Actors.decoded(account.substring(0, at));
			actor = user == null ? Optional.empty() : actors.byUsername(user);
		}
		else {
			URI uri;
			try {
				uri = new URI(resource);
			}
			catch (URISyntaxException ex) {
				return cors(ActivityJson.problem(HttpStatus.BAD_REQUEST, "resource is neither acct: nor a URL"));
			}
			if (uri.getRawAuthority() == null || uri.getRawPath() == null
					|| !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
				return cors(ActivityJson.problem(HttpStatus.BAD_REQUEST, "resource is neither acct: nor a URL"));
			}
			actor = uri.getRawAuthority().toLowerCase(Locale.ROOT).equals(domain) ? actors.byPath(uri.getRawPath())
					: Optional.empty();
		}
		if (actor.isEmpty()) {
			return cors(ActivityJson.problem(HttpStatus.NOT_FOUND, "no such account here"));
		}
		return cors(ResponseEntity.ok()
			.contentType(JRD)
			.header("Cache-Control", ActivityJson.SHARED)
			.body(jrd(actor.get(), domain, rel)));
	}

	private Map<String, Object> jrd(LocalActor actor, String domain, List<String> rels) {
		String id = documents.id(actor);
		String page = actors.absolute(actor.pagePath());
		List<Map<String, String>> links = new ArrayList<>();
		links.add(Map.of("rel", "self", "type", ActivityJson.ACTIVITY, "href", id));
		links.add(Map.of("rel", PROFILE_PAGE, "type", "text/html", "href", page));
		Map<String, Object> jrd = new LinkedHashMap<>();
		jrd.put("subject", "acct:" + actor.username() + "@" + domain);
		jrd.put("aliases", List.of(id, page));
		jrd.put("links", rels == null || rels.isEmpty() ? links
				: links.stream().filter(link -> rels.contains(link.get("rel"))).toList());
		return jrd;
	}

	/**
	 * @return the response with {@code Access-Control-Allow-Origin: *}
	 */
	static ResponseEntity<Object> cors(ResponseEntity<Object> response) {
		return ResponseEntity.status(response.getStatusCode()).headers(headers -> {
			headers.addAll(response.getHeaders());
			headers.setAccessControlAllowOrigin("*");
		}).body(response.getBody());
	}

}
