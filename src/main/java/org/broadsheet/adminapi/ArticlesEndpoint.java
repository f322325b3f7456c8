package org.broadsheet.adminapi;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.broadsheet.account.ApiKeyActor;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.Articles;
import org.broadsheet.article.InvalidArticle;
import org.broadsheet.article.NewsroomQuery;
import org.broadsheet.shared.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Articles in the Admin API: drafts created and updated with every field, the editorial
 * workflow (submit, publish, schedule, cancel a schedule, unpublish; publishing a
 * published article publishes its latest revision), revisions with their diff and
 * restore, history and delete. Every call goes through {@link ArticleWorkflow}, which
 * checks the key's role as it checks a signed-in person's.
 */
@RestController
@RequestMapping(AdminPaths.BASE + "/articles")
class ArticlesEndpoint {

	private final ArticleWorkflow workflow;

	private final Articles articles;

	ArticlesEndpoint(ArticleWorkflow workflow, Articles articles) {
		this.workflow = workflow;
		this.articles = articles;
	}

	/**
	 * @param goLiveAt when to publish: an ISO-8601 date-time with an offset, in the
	 * future
	 */
	record Schedule(String goLiveAt) {
	}

	/**
	 * @param unpublishAt when to unpublish: an ISO-8601 date-time with an offset in the
	 * future, or null for now
	 */
	record Unpublish(String unpublishAt) {
	}

	/**
	 * The articles the key may open, last changed first.
	 * @param status {@code draft}, {@code in_review}, {@code scheduled},
	 * {@code published} or {@code unpublished}; absent for all
	 * @param q part of the headline
	 * @param page 1-based
	 * @param limit 1–200
	 */
	@GetMapping
	AdminJson.Page<AdminJson.Summary> list(@AuthenticationPrincipal ApiKeyActor actor,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int limit) {
		AdminApiErrors.requirePage(page, limit);
		var list = articles.inNewsroom(actor, new NewsroomQuery(status(status), null, null, q, page, limit));
		return new AdminJson.Page<>(list.items().stream().map(AdminJson.Summary::of).toList(), list.page(),
				list.pageCount());
	}

	@PostMapping
	ResponseEntity<AdminJson.Editing> create(@AuthenticationPrincipal ApiKeyActor actor,
			@RequestBody ArticleFields fields) {
		long id = workflow.create(actor, fields.toDraft());
		return ResponseEntity.created(URI.create(AdminPaths.BASE + "/articles/" + id)).body(editing(actor, id));
	}

	@GetMapping("/{id}")
	AdminJson.Editing get(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id) {
		return editing(actor, id);
	}

	/** Saves a new revision; a live or scheduled article keeps what readers see. */
	@PutMapping("/{id}")
	AdminJson.Editing update(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id,
			@RequestBody ArticleFields fields) {
		workflow.save(actor, id, fields.toDraft());
		return editing(actor, id);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id) {
		workflow.delete(actor, id);
	}

	@PostMapping("/{id}/submit")
	AdminJson.Editing submit(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id) {
		workflow.submit(actor, id);
		return editing(actor, id);
	}

	/** Publishes the latest revision now: the first publication, or its changes. */
	@PostMapping("/{id}/publish")
	AdminJson.Editing publish(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id) {
		workflow.publish(actor, id);
		return editing(actor, id);
	}

	@PostMapping("/{id}/schedule")
	AdminJson.Editing schedule(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id,
			@RequestBody Schedule body) {
		workflow.schedule(actor, id, instant("goLiveAt", body.goLiveAt()));
		return editing(actor, id);
	}

	@PostMapping("/{id}/cancel-schedule")
	AdminJson.Editing cancelSchedule(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id) {
		workflow.cancelSchedule(actor, id);
		return editing(actor, id);
	}

	@PostMapping("/{id}/unpublish")
	AdminJson.Editing unpublish(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id,
			@RequestBody(required = false) Unpublish body) {
		String at = body == null ? null : body.unpublishAt();
		workflow.unpublish(actor, id, at == null ? null : instant("unpublishAt", at));
		return editing(actor, id);
	}

	/** The article's revisions, newest first, without their fields. */
	@GetMapping("/{id}/revisions")
	List<AdminJson.RevisionJson> revisions(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id) {
		var editing = workflow.editing(actor, id);
		return editing.revisions().stream().map(r -> AdminJson.RevisionJson.of(editing, r, false)).toList();
	}

	@GetMapping("/{id}/revisions/{revision}")
	AdminJson.RevisionJson revision(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id,
			@PathVariable long revision) {
		var editing = workflow.editing(actor, id);
		return editing.revisions()
			.stream()
			.filter(r -> r.id() == revision)
			.findFirst()
			.map(r -> AdminJson.RevisionJson.of(editing, r, true))
			.orElseThrow(() -> new NotFound("revision", revision));
	}

	/** Saves an old revision's fields as the latest revision. */
	@PostMapping("/{id}/revisions/{revision}/restore")
	AdminJson.Editing restore(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id,
			@PathVariable long revision) {
		workflow.restore(actor, id, revision);
		return editing(actor, id);
	}

	@GetMapping("/{id}/diff")
	AdminJson.Diff diff(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id, @RequestParam long from,
			@RequestParam long to) {
		return AdminJson.Diff.of(workflow.compare(actor, id, from, to));
	}

	/** Who did what to the article, oldest first. */
	@GetMapping("/{id}/history")
	List<AdminJson.HistoryEntry> history(@AuthenticationPrincipal ApiKeyActor actor, @PathVariable long id) {
		return workflow.editing(actor, id).audit().stream().map(AdminJson.HistoryEntry::of).toList();
	}

	private AdminJson.Editing editing(ApiKeyActor actor, long id) {
		return AdminJson.Editing.of(workflow.editing(actor, id));
	}

	private static ArticleStatus status(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return ArticleStatus.named(value)
			.orElseThrow(() -> AdminApiErrors.badParameter("status",
					"must be one of draft, in_review, scheduled, published, unpublished"));
	}

	/**
	 * @throws InvalidArticle naming {@code field} unless {@code value} is an ISO-8601
	 * date-time with an offset, e.g. {@code 2026-12-04T07:00:00Z}
	 */
	private static Instant instant(String field, String value) {
		try {
			return OffsetDateTime.parse(value == null ? "" : value.strip()).toInstant();
		}
		catch (DateTimeException ex) {
			throw new InvalidArticle(field, "api.invalid.instant");
		}
	}

}
