package org.broadsheet.adminapi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.broadsheet.account.ApiKeyActor;
import org.broadsheet.comment.Comment;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Moderation;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Comment moderation in the Admin API, through {@link Moderation} (editors and
 * administrators): the queue by status, one comment, corrections, approve / reject / spam
 * / delete in bulk, and closing or opening an article's comments.
 */
@RestController
class CommentsEndpoint {

	private final Moderation moderation;

	CommentsEndpoint(Moderation moderation) {
		this.moderation = moderation;
	}

	/**
	 * A reader's comment.
	 *
	 * @param status {@code pending}, {@code approved}, {@code spam} or {@code rejected}
	 * @param createdAt UTC, ISO-8601
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CommentJson(long id, long articleId, Long parentId, String name, String email, String website, String text,
			String status, String createdAt) {

		static CommentJson of(Comment c) {
			return new CommentJson(c.id(), c.articleId(), c.parentId(), c.authorName(), c.authorEmail(), c.authorUrl(),
					c.body(), c.status().key(), AdminJson.instant(c.createdAt()));
		}

	}

	/**
	 * @param counts comments in each status
	 */
	record Queue(List<CommentJson> items, int page, int pageCount, Map<String, Integer> counts) {
	}

	/**
	 * @param action {@code approve}, {@code reject}, {@code spam} or {@code delete}
	 * (deleting a comment deletes its replies)
	 */
	record Moderate(String action, List<Long> ids) {
	}

	/** How many of the listed comments changed. */
	record Moderated(int changed) {
	}

	/** A correction: every member is replaced. */
	record Correction(String name, String email, String website, String text) {
	}

	/**
	 * @param closed true: readers may no longer comment on the article; required
	 */
	record Discussion(Boolean closed) {
	}

	/**
	 * @param status {@code pending} (default), {@code approved}, {@code spam} or
	 * {@code rejected}
	 * @param page 1-based; past the last gives the last
	 * @param limit 1–200
	 */
	@GetMapping(AdminPaths.BASE + "/comments")
	Queue queue(@AuthenticationPrincipal ApiKeyActor actor, @RequestParam(defaultValue = "pending") String status,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int limit) {
		AdminApiErrors.requirePage(page, limit);
		CommentStatus wanted;
		try {
			wanted = CommentStatus.of(status);
		}
		catch (InvalidInput ex) {
			throw AdminApiErrors.badParameter("status", ex.problem());
		}
		var queue = moderation.queue(actor, wanted, page, limit);
		Map<String, Integer> counts = new TreeMap<>();
		queue.counts().forEach((s, n) -> counts.put(s.key(), n));
		return new Queue(queue.items().stream().map(CommentJson::of).toList(), queue.page(), queue.pageCount(), counts);
	}

	@GetMapping(AdminPaths.BASE + "/comments/{id}")
	CommentJson comment(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id) {
		return moderation.find(actor, id).map(CommentJson::of).orElseThrow(() -> new NotFound("comment", id));
	}

	@PutMapping(AdminPaths.BASE + "/comments/{id}")
	CommentJson correct(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id,
			@RequestBody Correction body) {
		comment(actor, id);
		moderation.edit(actor, id, body.name(), body.email(), body.website(), body.text());
		return comment(actor, id);
	}

	@PostMapping(AdminPaths.BASE + "/comments/moderation")
	Moderated moderate(@AuthenticationPrincipal ApiKeyActor actor, @RequestBody Moderate body) {
		Moderation.Action action;
		try {
			action = Moderation.Action.valueOf(String.valueOf(body.action()).strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("action", "api.invalid.moderation", body.action());
		}
		if (body.ids() == null || body.ids().isEmpty() || body.ids().size() > 500 || body.ids().contains(null)) {
			throw new InvalidInput("ids", "api.invalid.ids");
		}
		return new Moderated(moderation.apply(actor, action, body.ids()));
	}

	@PutMapping(AdminPaths.BASE + "/articles/{id}/discussion")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void discussion(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id, @RequestBody Discussion body) {
		if (body.closed() == null) {
			throw new InvalidInput("closed", "api.invalid.required");
		}
		moderation.setClosed(actor, id, body.closed());
	}

}
