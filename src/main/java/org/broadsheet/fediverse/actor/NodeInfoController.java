package org.broadsheet.fediverse.actor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.PublishedArticles;
import org.broadsheet.author.Authors;
import org.broadsheet.site.SiteLinks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * NodeInfo 2.1 (nodeinfo.diaspora.software): {@code /.well-known/nodeinfo} links to
 * {@code /nodeinfo/2.1}, which names the software ({@code broadsheet} and the version in
 * the jar's manifest, {@code dev} when run from classes), the protocol
 * ({@code activitypub}), closed registrations, and the usage: users are the authors with
 * a public article (in all, with one published in the last 30 days, in the last 180),
 * local posts the public articles. The figures are counted at most every ten minutes per
 * node. Both answers carry {@code Access-Control-Allow-Origin: *}.
 */
@RestController
class NodeInfoController {

	/** NodeInfo 2.1's schema, the link relation and the profile of its media type. */
	static final String SCHEMA = "http://nodeinfo.diaspora.software/ns/schema/2.1";

	/** How long the usage figures are reused. */
	static final Duration FRESH = Duration.ofMinutes(10);

	private static final MediaType NODEINFO = new MediaType("application", "json",
			Map.of("profile", "\"" + SCHEMA + "#\""));

	private final Authors authors;

	private final PublishedArticles articles;

	private final SiteLinks links;

	private final Clock clock;

	private volatile Usage usage;

	NodeInfoController(Authors authors, PublishedArticles articles, SiteLinks links, Clock clock) {
		this.authors = authors;
		this.articles = articles;
		this.links = links;
		this.clock = clock;
	}

	/** The usage figures and when they were counted. */
	private record Usage(Map<String, Object> figures, Instant counted) {
	}

	@GetMapping("/.well-known/nodeinfo")
	ResponseEntity<Object> discovery() {
		return WebFingerController.cors(ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header("Cache-Control", ActivityJson.SHARED)
			.body(Map.of("links", List.of(Map.of("rel", SCHEMA, "href", links.absolute("/nodeinfo/2.1"))))));
	}

	@GetMapping("/nodeinfo/2.1")
	ResponseEntity<Object> nodeInfo() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("version", "2.1");
		String version = NodeInfoController.class.getPackage().getImplementationVersion();
		json.put("software", Map.of("name", "broadsheet", "version", version == null ? "dev" : version));
		json.put("protocols", List.of("activitypub"));
		json.put("services", Map.of("inbound", List.of(), "outbound", List.of()));
		json.put("openRegistrations", false);
		json.put("usage", usage());
		json.put("metadata", Map.of("nodeName", links.siteName()));
		return WebFingerController
			.cors(ResponseEntity.ok().contentType(NODEINFO).header("Cache-Control", ActivityJson.SHARED).body(json));
	}

	private Map<String, Object> usage() {
		Instant now = clock.instant();
		Usage known = usage;
		if (known != null && known.counted().plus(FRESH).isAfter(now)) {
			return known.figures();
		}
		var users = Map.of("total", authors.countPublic(null), "activeMonth",
				authors.countPublic(now.minus(Duration.ofDays(30))), "activeHalfyear",
				authors.countPublic(now.minus(Duration.ofDays(180))));
		Map<String, Object> figures = Map.of("users", users, "localPosts", articles.publicCount());
		usage = new Usage(figures, now);
		return figures;
	}

}
