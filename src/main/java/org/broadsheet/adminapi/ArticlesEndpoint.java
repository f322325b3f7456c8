package org.broadsheet.adminapi;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.broadsheet.account.ApiKeyActor;
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleTranslations;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.Articles;
import org.broadsheet.article.InvalidArticle;
import org.broadsheet.article.NewsroomQuery;
import org.broadsheet.article.Trash;
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
 * restore, history, delete (to the trash) and restore from the trash. Every call goes
 * through {@link ArticleWorkflow}, which checks the key's role as it checks a signed-in
 * person's.
 */
@RestController
@RequestMapping(AdminPaths.BASE + "/articles")
@Tag(name = "Admin API: articles", description = "Drafts, the editorial workflow, revisions and history, with the "
		+ "newsroom's permissions: contributors write and submit their own drafts, authors also publish their own "
		+ "articles, editors and administrators act on every article.")
class ArticlesEndpoint {

	/** Descriptions for the OpenAPI document. */
	private static final String OWN = "A contributor or author for their own article (a contributor only while it "
			+ "is a draft or in review), an editor or administrator for any.";

	private static final String PUBLISHER = "An author for their own article, an editor or administrator for any.";

	private static final String ARTICLE_ID = "The article's id";

	private final ArticleWorkflow workflow;

	private final Articles articles;

	private final ArticleTranslations translations;

	private final ArticleDesk desk;

	private final Trash trash;

	ArticlesEndpoint(ArticleWorkflow workflow, Articles articles, ArticleTranslations translations, ArticleDesk desk,
			Trash trash) {
		this.translations = translations;
		this.desk = desk;
		this.trash = trash;
		this.workflow = workflow;
		this.articles = articles;
	}

	/**
	 * @param goLiveAt when to publish: an ISO-8601 date-time with an offset, in the
	 * future
	 */
	@Schema(name = "Schedule")
	record Schedule(@Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time",
			description = "When to publish: an ISO-8601 date-time with an offset, in the future") String goLiveAt) {
	}

	/**
	 * @param unpublishAt when to unpublish: an ISO-8601 date-time with an offset in the
	 * future, or null for now
	 */
	@Schema(name = "Unpublish")
	record Unpublish(@Schema(nullable = true, format = "date-time",
			description = "When to unpublish, in the future; null or absent for now") String unpublishAt) {
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
	@Operation(summary = "List articles",
			description = "Last changed first. Any role: a contributor sees only "
					+ "their own articles, an author their own and the published ones, editors and administrators all.")
	@ApiResponse(responseCode = "200", description = "A page of articles",
			content = @Content(schema = @Schema(implementation = AdminJson.ArticlePage.class),
					examples = @ExampleObject(name = "page", value = AdminApiExamples.SUMMARY_PAGE)))
	@AdminApiResponses.BadRequest
	AdminJson.ArticlePage list(@AuthenticationPrincipal ApiKeyActor actor, @Parameter(
			description = "Only articles in this status; all when left out",
			schema = @Schema(
					allowableValues = { "draft", "in_review", "scheduled", "published", "unpublished" })) @RequestParam(
							required = false) String status,
			@Parameter(description = "Part of the headline",
					example = "cranes") @RequestParam(required = false) String q,
			@AdminApiResponses.PageNumber @RequestParam(defaultValue = "1") int page,
			@AdminApiResponses.PageSize @RequestParam(defaultValue = "20") int limit) {
		AdminApiErrors.requirePage(page, limit);
		var list = articles.inNewsroom(actor, new NewsroomQuery(status(status), null, null, q, page, limit));
		return new AdminJson.ArticlePage(list.items().stream().map(AdminJson.Summary::of).toList(), list.page(),
				list.pageCount());
	}

	@PostMapping
	@Operation(summary = "Create a draft",
			description = "Any role; the key's account is the article's owner. Unknown sections, tags and "
					+ "authors are created.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(
							examples = @ExampleObject(name = "draft", value = AdminApiExamples.ARTICLE_FIELDS))))
	@ApiResponse(responseCode = "201", description = "Created; `Location` is its address",
			headers = @Header(name = "Location", description = "The article's Admin API path",
					schema = @Schema(type = "string", format = "uri-reference")),
			content = @Content(schema = @Schema(implementation = AdminJson.Editing.class),
					examples = @ExampleObject(name = "article", value = AdminApiExamples.EDITING)))
	@AdminApiResponses.BadRequest
	@AdminApiResponses.Invalid
	ResponseEntity<AdminJson.Editing> create(@AuthenticationPrincipal ApiKeyActor actor,
			@RequestBody ArticleFields fields) {
		long id = workflow.create(actor, fields.toDraft());
		return ResponseEntity.created(URI.create(AdminPaths.BASE + "/articles/" + id)).body(editing(actor, id));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an article", description = OWN)
	@AdminApiResponses.Article
	@AdminApiResponses.Lookup
	AdminJson.Editing get(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id) {
		return editing(actor, id);
	}

	/** Saves a new revision; a live or scheduled article keeps what readers see. */
	@PutMapping("/{id}")
	@Operation(summary = "Update an article",
			description = "Saves the fields as a new revision, every member replaced; a published or scheduled "
					+ "article keeps what readers see until its changes are published. " + OWN,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(
							examples = @ExampleObject(name = "fields", value = AdminApiExamples.ARTICLE_FIELDS))))
	@AdminApiResponses.Article
	@AdminApiResponses.Change
	AdminJson.Editing update(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id,
			@RequestBody ArticleFields fields) {
		workflow.save(actor, id, fields.toDraft());
		return editing(actor, id);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an article",
			description = "Moves it to the trash, off the site (its address answers 410 Gone): it can be restored "
					+ "until the trash is purged (broadsheet.trash.retention, 30 days), then it is deleted with its "
					+ "revisions. An article in the trash is 404 to every other call. Editors and administrators.")
	@ApiResponse(responseCode = "204", description = "In the trash")
	@AdminApiResponses.Lookup
	void delete(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id) {
		workflow.delete(actor, id);
	}

	@PostMapping("/{id}/restore-from-trash")
	@Operation(summary = "Restore a deleted article",
			description = "Takes it out of the trash as a draft. Editors and administrators.")
	@AdminApiResponses.Article
	@AdminApiResponses.Lookup
	AdminJson.Editing restoreFromTrash(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id) {
		trash.restore(actor, id);
		return editing(actor, id);
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "Submit for review",
			description = "A draft goes to review. The article's contributor or author, or an editor or administrator.")
	@AdminApiResponses.Article
	@AdminApiResponses.Change
	AdminJson.Editing submit(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id) {
		workflow.submit(actor, id);
		return editing(actor, id);
	}

	/** Publishes the latest revision now: the first publication, or its changes. */
	@PostMapping("/{id}/publish")
	@Operation(summary = "Publish now",
			description = "The first publication, or the latest revision's changes. " + PUBLISHER)
	@AdminApiResponses.Article
	@AdminApiResponses.Change
	AdminJson.Editing publish(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id) {
		workflow.publish(actor, id);
		return editing(actor, id);
	}

	@PostMapping("/{id}/schedule")
	@Operation(summary = "Schedule publication",
			description = "The latest revision goes live at `goLiveAt` (a published article's changes, too). "
					+ PUBLISHER,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(
							examples = @ExampleObject(name = "schedule", value = AdminApiExamples.SCHEDULE))))
	@ApiResponse(responseCode = "200", description = "The article as it now is",
			content = @Content(schema = @Schema(implementation = AdminJson.Editing.class),
					examples = @ExampleObject(name = "scheduled", value = AdminApiExamples.SCHEDULED)))
	@AdminApiResponses.Change
	AdminJson.Editing schedule(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id, @RequestBody Schedule body) {
		workflow.schedule(actor, id, instant("goLiveAt", body.goLiveAt()));
		return editing(actor, id);
	}

	@PostMapping("/{id}/cancel-schedule")
	@Operation(summary = "Cancel a schedule",
			description = "A scheduled article goes back to review; a published one keeps its live revision. "
					+ PUBLISHER)
	@AdminApiResponses.Article
	@AdminApiResponses.Change
	AdminJson.Editing cancelSchedule(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id) {
		workflow.cancelSchedule(actor, id);
		return editing(actor, id);
	}

	@PostMapping("/{id}/unpublish")
	@Operation(summary = "Unpublish", description = "Now, or at `unpublishAt`. " + PUBLISHER,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					description = "Optional: without a body, or with `unpublishAt` null, the article leaves now",
					content = @Content(examples = @ExampleObject(name = "later", value = AdminApiExamples.UNPUBLISH))))
	@AdminApiResponses.Article
	@AdminApiResponses.Change
	AdminJson.Editing unpublish(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id,
			@RequestBody(required = false) Unpublish body) {
		String at = body == null ? null : body.unpublishAt();
		workflow.unpublish(actor, id, at == null ? null : instant("unpublishAt", at));
		return editing(actor, id);
	}

	/** Names another article as a translation: their translation groups become one. */
	@PutMapping("/{id}/translations/{other}")
	@Operation(summary = "Link a translation",
			description = "Names article `other` as a translation of this one; translations form a group, so each "
					+ "becomes a translation of all the others, at most one article a language. Linking articles "
					+ "already linked changes nothing. Whoever may edit both articles.")
	@AdminApiResponses.Article
	@AdminApiResponses.Change
	AdminJson.Editing link(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id,
			@Parameter(description = "The translation's id", example = "4712") @PathVariable long other) {
		translations.link(actor, id, other);
		return editing(actor, id);
	}

	/** Takes an article out of the translations. */
	@DeleteMapping("/{id}/translations/{other}")
	@Operation(summary = "Unlink a translation",
			description = "Takes article `other` out of this one's translations (and of the others in their group). "
					+ "Whoever may edit both articles.")
	@AdminApiResponses.Article
	@AdminApiResponses.Change
	AdminJson.Editing unlink(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id,
			@Parameter(description = "The translation's id", example = "4712") @PathVariable long other) {
		translations.unlink(actor, id, other);
		return editing(actor, id);
	}

	/** The article's revisions, newest first, without their fields. */
	@GetMapping("/{id}/revisions")
	@Operation(summary = "List revisions", description = "Newest first, without their fields. " + OWN)
	@ApiResponse(responseCode = "200", description = "The revisions",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = AdminJson.RevisionJson.class)),
					examples = @ExampleObject(name = "revisions", value = AdminApiExamples.REVISIONS)))
	@AdminApiResponses.Lookup
	List<AdminJson.RevisionJson> revisions(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id) {
		var editing = workflow.editing(actor, id);
		return editing.revisions().stream().map(r -> AdminJson.RevisionJson.of(editing, r, false)).toList();
	}

	@GetMapping("/{id}/revisions/{revision}")
	@Operation(summary = "Get a revision", description = "With its fields. " + OWN)
	@ApiResponse(responseCode = "200", description = "The revision",
			content = @Content(schema = @Schema(implementation = AdminJson.RevisionJson.class),
					examples = @ExampleObject(name = "revision", value = AdminApiExamples.REVISION)))
	@AdminApiResponses.Lookup
	AdminJson.RevisionJson revision(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id,
			@Parameter(description = "The revision's id", example = "9002") @PathVariable long revision) {
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
	@Operation(summary = "Restore a revision", description = "Saves its fields as the latest revision. " + OWN)
	@AdminApiResponses.Article
	@AdminApiResponses.Change
	AdminJson.Editing restore(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id,
			@Parameter(description = "The revision's id", example = "9002") @PathVariable long revision) {
		workflow.restore(actor, id, revision);
		return editing(actor, id);
	}

	@GetMapping("/{id}/diff")
	@Operation(summary = "Compare two revisions", description = "Field by field, line by line. " + OWN)
	@ApiResponse(responseCode = "200", description = "The fields that differ",
			content = @Content(schema = @Schema(implementation = AdminJson.Diff.class),
					examples = @ExampleObject(name = "diff", value = AdminApiExamples.DIFF)))
	@AdminApiResponses.Lookup
	AdminJson.Diff diff(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id,
			@Parameter(description = "The older revision's id", example = "9002") @RequestParam long from,
			@Parameter(description = "The newer revision's id", example = "9003") @RequestParam long to) {
		return AdminJson.Diff.of(workflow.compare(actor, id, from, to));
	}

	/** Who did what to the article, oldest first. */
	@GetMapping("/{id}/history")
	@Operation(summary = "Get the history", description = "Who did what to the article, oldest first. " + OWN)
	@ApiResponse(responseCode = "200", description = "The audit entries",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = AdminJson.HistoryEntry.class)),
					examples = @ExampleObject(name = "history", value = AdminApiExamples.HISTORY)))
	@AdminApiResponses.Lookup
	List<AdminJson.HistoryEntry> history(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id) {
		return workflow.editing(actor, id).audit().stream().map(AdminJson.HistoryEntry::of).toList();
	}

	private AdminJson.Editing editing(ApiKeyActor actor, long id) {
		return AdminJson.Editing.of(workflow, desk, translations, actor, id);
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
