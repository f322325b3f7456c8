package org.broadsheet.fediverse.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.article.PublishedArticles;
import org.broadsheet.fediverse.actor.Actors;
import org.broadsheet.fediverse.actor.LocalActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each actor's {@code outbox} (ActivityPub §5.1): an {@code OrderedCollection} with
 * {@code totalItems} and a {@code first} page; pages ({@code ?page=true}, then
 * {@code ?page=<announced at, epoch ms>-<article id>}) are {@code OrderedCollectionPage}s
 * of {@value #PAGE} activities, newest first, with {@code next} while more remain (keyset
 * paging on {@code fediverse_article (created_at, article_id)}): an author's, the
 * {@code Create} activities of the public articles sent to its followers; the
 * publication's and a section's, the {@code Announce} activities it sent of public
 * articles (the activities whose {@code actor} it is).
 */
@RestController
class OutboxController {

	static final int PAGE = 20;

	private static final String ID = "{id:[1-9][0-9]{0,17}}";

	private final Actors actors;

	private final AnnouncedStore store;

	private final PublishedArticles articles;

	private final ArticleAnnouncements announcements;

	OutboxController(Actors actors, AnnouncedStore store, PublishedArticles articles,
			ArticleAnnouncements announcements) {
		this.actors = actors;
		this.store = store;
		this.articles = articles;
		this.announcements = announcements;
	}

	@GetMapping("/ap/site/outbox")
	ResponseEntity<Object> site(@RequestParam(required = false) String page) {
		return outbox(Optional.of(actors.site()), page);
	}

	@GetMapping("/ap/authors/" + ID + "/outbox")
	ResponseEntity<Object> author(@PathVariable long id, @RequestParam(required = false) String page) {
		return outbox(actors.author(id), page);
	}

	@GetMapping("/ap/sections/" + ID + "/outbox")
	ResponseEntity<Object> section(@PathVariable long id, @RequestParam(required = false) String page) {
		return outbox(actors.section(id), page);
	}

	private ResponseEntity<Object> outbox(Optional<LocalActor> actor, String page) {
		if (actor.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND, "no such actor");
		}
		String key = actor.get().keyName();
		var listing = actor.get().kind() == LocalActor.Kind.AUTHOR ? AnnouncedStore.Listing.CREATES
				: AnnouncedStore.Listing.ANNOUNCES;
		String id = actors.absolute(actor.get().path()) + "/outbox";
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("@context", ArticleAnnouncements.AS);
		if (page == null) {
			json.put("id", id);
			json.put("type", "OrderedCollection");
			json.put("totalItems", store.count(listing, key));
			json.put("first", id + "?page=true");
			return ok(json);
		}
		long[] before = null;
		if (!page.equals("true")) {
			before = keyset(page);
			if (before == null) {
				return problem(HttpStatus.BAD_REQUEST, "page: not <epoch ms>-<id>");
			}
		}
		var rows = store.page(listing, key, before, PAGE);
		List<Object> items = new ArrayList<>();
		for (var row : rows) {
			articles.publicById(row.articleId()).ifPresent(article -> {
				Map<String, Object> activity = new LinkedHashMap<>(listing == AnnouncedStore.Listing.CREATES
						? announcements.create(article, row) : announcements.announce(row, key));
				activity.remove("@context");
				items.add(activity);
			});
		}
		json.put("id", id + "?page=" + page);
		json.put("type", "OrderedCollectionPage");
		json.put("partOf", id);
		if (rows.size() == PAGE) {
			var last = rows.get(rows.size() - 1);
			json.put("next", id + "?page=" + last.createdAt() + "-" + last.articleId());
		}
		json.put("orderedItems", items);
		return ok(json);
	}

	private static long[] keyset(String page) {
		int dash = page.indexOf('-');
		try {
			return dash < 1 ? null
					: new long[] { Long.parseLong(page.substring(0, dash)), Long.parseLong(page.substring(dash + 1)) };
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static ResponseEntity<Object> ok(Map<String, Object> json) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/activity+json"))
			.header("Cache-Control", "max-age=60")
			.body(json);
	}

	private static ResponseEntity<Object> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemDetail.forStatusAndDetail(status, detail));
	}

}
