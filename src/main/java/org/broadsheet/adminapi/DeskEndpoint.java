package org.broadsheet.adminapi;

import java.util.List;

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
import org.broadsheet.article.ArticleDesk;
import org.broadsheet.article.ArticleTranslations;
import org.broadsheet.article.ArticleWorkflow;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editorial desk in the Admin API: send an article in review back to its writer with
 * a note, staff-only notes, the front-page flags. Every call goes through
 * {@link ArticleDesk}, which checks the key's role.
 */
@RestController
@RequestMapping(AdminPaths.BASE + "/articles")
@Tag(name = "Admin API: articles")
class DeskEndpoint {

	private static final String ARTICLE_ID = "The article's id";

	private final ArticleWorkflow workflow;

	private final ArticleDesk desk;

	private final ArticleTranslations translations;

	DeskEndpoint(ArticleWorkflow workflow, ArticleDesk desk, ArticleTranslations translations) {
		this.workflow = workflow;
		this.desk = desk;
		this.translations = translations;
	}

	/**
	 * @param note why, for the writer: plain text, 1–5000 characters
	 */
	@Schema(name = "SendBack")
	record SendBack(@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 5000,
			description = "Why, for the writer: plain text") String note) {
	}

	/**
	 * @param pinned first on the front page
	 * @param breaking a label and a banner on the front page
	 */
	@Schema(name = "Flags")
	record Flags(
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "Pinned to the top of the front page") boolean pinned,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "Breaking news: a label and a banner on the front page") boolean breaking) {
	}

	/**
	 * @param text plain text, 1–5000 characters
	 */
	@Schema(name = "NewNote")
	record NewNote(
			@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 5000, description = "Plain text") String text) {
	}

	@PostMapping("/{id}/send-back")
	@Operation(summary = "Send back to the writer",
			description = "An article in review goes back to draft with a note the writer sees. Editors and "
					+ "administrators.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(
							examples = @ExampleObject(name = "send back", value = AdminApiExamples.SEND_BACK))))
	@ApiResponse(responseCode = "200", description = "The article as it now is",
			content = @Content(schema = @Schema(implementation = AdminJson.Editing.class),
					examples = @ExampleObject(name = "sent back", value = AdminApiExamples.SENT_BACK)))
	@AdminApiResponses.Change
	AdminJson.Editing sendBack(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id, @RequestBody SendBack body) {
		desk.sendBack(actor, id, body.note());
		return AdminJson.Editing.of(workflow, desk, translations, actor, id);
	}

	@PutMapping("/{id}/flags")
	@Operation(summary = "Set the front-page flags",
			description = "Pinned and breaking take effect at once, without a revision. Editors and administrators.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(examples = @ExampleObject(name = "flags", value = AdminApiExamples.FLAGS))))
	@AdminApiResponses.Article
	@AdminApiResponses.Change
	AdminJson.Editing flags(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id, @RequestBody Flags body) {
		desk.flag(actor, id, body.pinned(), body.breaking());
		return AdminJson.Editing.of(workflow, desk, translations, actor, id);
	}

	@GetMapping("/{id}/notes")
	@Operation(summary = "List the internal notes",
			description = "Staff-only notes, oldest first, sent-back notes included. Whoever may open the article.")
	@ApiResponse(responseCode = "200", description = "The notes",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = AdminJson.Note.class)),
					examples = @ExampleObject(name = "notes", value = AdminApiExamples.NOTES)))
	@AdminApiResponses.Lookup
	List<AdminJson.Note> notes(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id) {
		return desk.desk(actor, id).notes().stream().map(AdminJson.Note::of).toList();
	}

	@PostMapping("/{id}/notes")
	@Operation(summary = "Add an internal note", description = "Whoever may edit the article.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(examples = @ExampleObject(name = "note", value = AdminApiExamples.NOTE))))
	@ApiResponse(responseCode = "200", description = "The notes, the new one last",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = AdminJson.Note.class)),
					examples = @ExampleObject(name = "notes", value = AdminApiExamples.NOTES)))
	@AdminApiResponses.Change
	List<AdminJson.Note> addNote(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = ARTICLE_ID, example = "4711") @PathVariable long id, @RequestBody NewNote body) {
		desk.addNote(actor, id, body.text());
		return notes(actor, id);
	}

}
