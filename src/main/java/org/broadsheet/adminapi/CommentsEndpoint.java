package org.broadsheet.adminapi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@Tag(name = "Admin API: comments", description = "Moderating readers' comments: editors and administrators only.")
class CommentsEndpoint {

	/** Descriptions for the OpenAPI document. */
	private static final String EDITORS = "Editors and administrators.";

	private static final String COMMENT_ID = "The comment's id";

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
	@Schema(name = "Comment", description = "A reader's comment.")
	record CommentJson(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED) long articleId,
			@Schema(nullable = true, description = "The comment it answers") Long parentId,
			@Schema(requiredMode = RequiredMode.REQUIRED) String name,
			@Schema(nullable = true, format = "email") String email,
			@Schema(nullable = true, format = "uri") String website,
			@Schema(requiredMode = RequiredMode.REQUIRED) String text, String status,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time",
					description = AdminJson.INSTANT) String createdAt) {

		// On the accessor: an array in a record component's annotation upsets the
		// formatter.
		@Override
		@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "pending", "approved", "spam", "rejected" })
		public String status() {
			return this.status;
		}

		static CommentJson of(Comment c) {
			return new CommentJson(c.id(), c.articleId(), c.parentId(), c.authorName(), c.authorEmail(), c.authorUrl(),
					c.body(), c.status().key(), AdminJson.instant(c.createdAt()));
		}

	}

	/**
	 * @param counts comments in each status
	 */
	@Schema(name = "CommentQueue", description = "A page of comments in one status, oldest first, and the counts.")
	record Queue(@Schema(requiredMode = RequiredMode.REQUIRED) List<CommentJson> items,
			@Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1") int page,
			@Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1") int pageCount,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "How many comments are in each status") Map<String, Integer> counts) {
	}

	/**
	 * @param action {@code approve}, {@code reject}, {@code spam} or {@code delete}
	 * (deleting a comment deletes its replies)
	 */
	@Schema(name = "Moderation")
	record Moderate(String action,
			@ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED, description = "The comments' ids"),
					minItems = 1, maxItems = 500) List<Long> ids) {

		// On the accessor: an array in a record component's annotation upsets the
		// formatter.
		@Override
		@Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "approve", "reject", "spam", "delete" },
				description = "What to do; deleting a comment deletes its replies")
		public String action() {
			return this.action;
		}

	}

	/** How many of the listed comments changed. */
	@Schema(name = "Moderated")
	record Moderated(@Schema(requiredMode = RequiredMode.REQUIRED,
			description = "How many of the listed comments changed") int changed) {
	}

	/** A correction: every member is replaced. */
	@Schema(name = "CommentCorrection", description = "A correction: every member is replaced.")
	record Correction(@Schema(requiredMode = RequiredMode.REQUIRED) String name, @Schema(nullable = true) String email,
			@Schema(nullable = true) String website, @Schema(requiredMode = RequiredMode.REQUIRED) String text) {
	}

	/**
	 * @param closed true: readers may no longer comment on the article; required
	 */
	@Schema(name = "Discussion")
	record Discussion(@Schema(requiredMode = RequiredMode.REQUIRED,
			description = "True: readers may no longer comment on the article") Boolean closed) {
	}

	/**
	 * @param status {@code pending} (default), {@code approved}, {@code spam} or
	 * {@code rejected}
	 * @param page 1-based; past the last gives the last
	 * @param limit 1–200
	 */
	@GetMapping(AdminPaths.BASE + "/comments")
	@Operation(summary = "List comments by status", description = EDITORS)
	@ApiResponse(responseCode = "200", description = "A page of comments",
			content = @Content(schema = @Schema(implementation = Queue.class),
					examples = @ExampleObject(name = "queue", value = AdminApiExamples.QUEUE)))
	@AdminApiResponses.BadRequest
	@AdminApiResponses.EditorsOnly
	Queue queue(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = "The comments' status",
					schema = @Schema(allowableValues = { "pending", "approved", "spam", "rejected" })) @RequestParam(
							defaultValue = "pending") String status,
			@AdminApiResponses.PageNumber @RequestParam(defaultValue = "1") int page,
			@AdminApiResponses.PageSize @RequestParam(defaultValue = "50") int limit) {
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
	@Operation(summary = "Get a comment", description = EDITORS)
	@ApiResponse(responseCode = "200", description = "The comment",
			content = @Content(schema = @Schema(implementation = CommentJson.class),
					examples = @ExampleObject(name = "comment", value = AdminApiExamples.COMMENT)))
	@AdminApiResponses.Lookup
	CommentJson comment(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = COMMENT_ID, example = "88") @PathVariable long id) {
		return moderation.find(actor, id).map(CommentJson::of).orElseThrow(() -> new NotFound("comment", id));
	}

	@PutMapping(AdminPaths.BASE + "/comments/{id}")
	@Operation(summary = "Correct a comment", description = "Every member is replaced. " + EDITORS,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(
							examples = @ExampleObject(name = "correction", value = AdminApiExamples.CORRECTION))))
	@ApiResponse(responseCode = "200", description = "The comment as it now is",
			content = @Content(schema = @Schema(implementation = CommentJson.class),
					examples = @ExampleObject(name = "comment", value = AdminApiExamples.COMMENT)))
	@AdminApiResponses.Lookup
	@AdminApiResponses.Invalid
	CommentJson correct(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = COMMENT_ID, example = "88") @PathVariable long id, @RequestBody Correction body) {
		comment(actor, id);
		moderation.edit(actor, id, body.name(), body.email(), body.website(), body.text());
		return comment(actor, id);
	}

	@PostMapping(AdminPaths.BASE + "/comments/moderation")
	@Operation(summary = "Moderate comments",
			description = "Approve, reject, mark as spam or delete up to 500 comments at once. " + EDITORS,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(examples = @ExampleObject(name = "approve", value = AdminApiExamples.MODERATE))))
	@ApiResponse(responseCode = "200", description = "How many changed",
			content = @Content(schema = @Schema(implementation = Moderated.class),
					examples = @ExampleObject(name = "moderated", value = AdminApiExamples.MODERATED)))
	@AdminApiResponses.BadRequest
	@AdminApiResponses.EditorsOnly
	@AdminApiResponses.Invalid
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
	@Operation(summary = "Close or open an article's comments", description = EDITORS,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(examples = @ExampleObject(name = "close", value = AdminApiExamples.DISCUSSION))))
	@ApiResponse(responseCode = "204", description = "Done")
	@AdminApiResponses.Lookup
	@AdminApiResponses.Invalid
	void discussion(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = "The article's id", example = "4711") @PathVariable long id,
			@RequestBody Discussion body) {
		if (body.closed() == null) {
			throw new InvalidInput("closed", "api.invalid.required");
		}
		moderation.setClosed(actor, id, body.closed());
	}

}
