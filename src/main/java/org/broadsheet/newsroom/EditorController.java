package org.broadsheet.newsroom;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.NewsroomUser;
import org.broadsheet.account.Permission;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleRules;
import org.broadsheet.article.ArticleTranslations;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.Articles;
import org.broadsheet.article.InvalidArticle;
import org.broadsheet.comment.Comments;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.site.ArticlePages;
import org.broadsheet.site.SiteChrome;
import org.broadsheet.site.SiteSettings;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Writing and the workflow in the browser: POST-redirect-GET for every action; a rejected
 * form comes back as typed, with the field named, and status 400. Permissions are checked
 * by {@link ArticleWorkflow}, which answers 403 through Spring Security.
 */
@Controller
class EditorController {

	private final ArticleWorkflow workflow;

	private final Taxonomy taxonomy;

	private final SiteChrome chrome;

	private final SiteSettings settings;

	private final MediaLibrary media;

	private final Articles articles;

	private final ArticlePages articlePages;

	private final Comments comments;

	private final ArticleTranslations translations;

	EditorController(ArticleWorkflow workflow, Taxonomy taxonomy, SiteChrome chrome, SiteSettings settings,
			MediaLibrary media, Articles articles, ArticlePages articlePages, Comments comments,
			ArticleTranslations translations) {
		this.translations = translations;
		this.comments = comments;
		this.media = media;
		this.articles = articles;
		this.articlePages = articlePages;
		this.workflow = workflow;
		this.taxonomy = taxonomy;
		this.chrome = chrome;
		this.settings = settings;
	}

	@GetMapping("/newsroom/articles/new")
	String create(@AuthenticationPrincipal NewsroomUser user, CsrfToken csrf, Model model) {
		return form(user, model, csrf, null, ArticleForm.empty(), null);
	}

	@PostMapping("/newsroom/articles")
	String create(@AuthenticationPrincipal NewsroomUser user, ArticleForm form, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		try {
			long id = workflow.create(user.account(), form.toDraft());
			return "redirect:/newsroom/articles/" + id + "?saved";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(user, model, csrf, null, form, ex);
		}
	}

	@GetMapping("/newsroom/articles/{id}")
	String edit(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, CsrfToken csrf, Model model) {
		var editing = editing(user, id);
		return form(user, model, csrf, editing, ArticleForm.of(editing.latest()), null);
	}

	@PostMapping("/newsroom/articles/{id}")
	String save(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, ArticleForm form, CsrfToken csrf,
			Model model, HttpServletResponse response) {
		try {
			workflow.save(user.account(), id, form.toDraft());
			return "redirect:/newsroom/articles/" + id + "?saved";
		}
		catch (IllegalArgumentException ex) {
			// Revisions and history are loaded only to show the form again (404 when
			// there is no article).
			var editing = editing(user, id);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(user, model, csrf, editing, form, ex);
		}
	}

	@PostMapping("/newsroom/articles/{id}/{action:submit|publish|unpublish|schedule|cancel-schedule}")
	String act(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, @PathVariable String action,
			@RequestParam(required = false) String at, CsrfToken csrf, Model model, HttpServletResponse response) {
		var account = user.account();
		try {
			switch (action) {
				case "submit" -> workflow.submit(account, id);
				case "publish" -> workflow.publish(account, id);
				case "schedule" -> workflow.schedule(account, id, instant("goLiveAt", at));
				case "cancel-schedule" -> workflow.cancelSchedule(account, id);
				default ->
					workflow.unpublish(account, id, at == null || at.isBlank() ? null : instant("unpublishAt", at));
			}
			return "redirect:/newsroom/articles/" + id + "?" + action;
		}
		catch (IllegalArgumentException ex) {
			var editing = editing(user, id);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			// The instant typed comes back in its input, to correct rather than type
			// again.
			Map<String, String> typed = at == null ? Map.of()
					: Map.of(action.equals("schedule") ? "go-live" : "leave-at", at);
			return form(user, model, csrf, editing, ArticleForm.of(editing.latest()), ex, typed);
		}
	}

	@PostMapping("/newsroom/articles/{id}/revisions/{revision}/restore")
	String restore(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, @PathVariable long revision) {
		workflow.restore(user.account(), id, revision);
		return "redirect:/newsroom/articles/" + id + "?restored";
	}

	/** Names another article (chosen by id) as a translation of this one. */
	@PostMapping("/newsroom/articles/{id}/translations")
	String link(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			@RequestParam(required = false) String translation, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		try {
			translations.link(user.account(), id, chosenArticle(translation));
			return "redirect:/newsroom/articles/" + id + "?linked";
		}
		catch (IllegalArgumentException ex) {
			var editing = editing(user, id);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(user, model, csrf, editing, ArticleForm.of(editing.latest()), ex);
		}
	}

	@PostMapping("/newsroom/articles/{id}/translations/{other}/unlink")
	String unlink(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, @PathVariable long other,
			CsrfToken csrf, Model model, HttpServletResponse response) {
		try {
			translations.unlink(user.account(), id, other);
			return "redirect:/newsroom/articles/" + id + "?unlinked";
		}
		catch (IllegalArgumentException ex) {
			var editing = editing(user, id);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(user, model, csrf, editing, ArticleForm.of(editing.latest()), ex);
		}
	}

	/**
	 * @throws InvalidArticle naming the translation field unless an article id was chosen
	 */
	private static long chosenArticle(String value) {
		try {
			return Long.parseLong(value == null ? "" : value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidArticle(ArticleTranslations.FIELD, "article.invalid.required");
		}
	}

	/** The exact reader page of the latest revision, before it is published. */
	@GetMapping("/newsroom/articles/{id}/preview")
	String preview(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, Model model) {
		var editing = editing(user, id);
		model.addAttribute("page",
				articlePages.page(articles.preview(id, editing.latest()), ArticlePages.Reader.PREVIEW));
		return "site/article";
	}

	/** Live preview of the body: Markdown to the sanitized HTML readers get. */
	@PostMapping(value = "/newsroom/markdown", produces = "text/html;charset=UTF-8")
	@ResponseBody
	String markdown(@RequestParam(defaultValue = "") String markdown) {
		if (markdown.length() > ArticleDraft.MAX_BODY) {
			throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, "body: too long to preview");
		}
		return articles.renderMarkdown(markdown);
	}

	/**
	 * Autosave of a draft (not of a published or scheduled article, whose revisions wait
	 * for Publish changes or a new schedule).
	 */
	@PostMapping("/newsroom/articles/{id}/autosave")
	ResponseEntity<String> autosave(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			ArticleForm form) {
		var editing = editing(user, id);
		if (editing.status().pinned()) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body("status: a published or scheduled article is saved with Save, not automatically");
		}
		try {
			workflow.save(user.account(), id, form.toDraft());
			return ResponseEntity.noContent().build();
		}
		catch (IllegalArgumentException ex) {
			return ResponseEntity.badRequest().body(ex.getMessage());
		}
	}

	@GetMapping("/newsroom/articles/{id}/compare")
	String compare(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, @RequestParam long from,
			@RequestParam long to, Model model) {
		model.addAttribute("page",
				new NewsroomPages.ComparePage(chrome.chrome(), id, workflow.compare(user.account(), id, from, to)));
		return "newsroom/compare";
	}

	private ArticleWorkflow.Editing editing(NewsroomUser user, long id) {
		return workflow.editing(user.account(), id);
	}

	/**
	 * A date and time as typed in the newsroom's zone (datetime-local); DST gaps move
	 * forward. Its range is the article rules' ({@link ArticleRules#instant}), checked by
	 * the workflow.
	 * @throws InvalidArticle naming {@code field} when it is not a date and time
	 */
	private Instant instant(String field, String value) {
		try {
			return LocalDateTime.parse(value == null ? "" : value.strip())
				.withNano(0)
				.atZone(settings.timeZone())
				.toInstant();
		}
		catch (DateTimeException | ArithmeticException ex) {
			throw new InvalidArticle(field, "article.invalid.date-format");
		}
	}

	/**
	 * @param refused what was wrong with the last submission, or null
	 */
	private String form(NewsroomUser user, Model model, CsrfToken csrf, ArticleWorkflow.Editing editing,
			ArticleForm form, IllegalArgumentException refused) {
		return form(user, model, csrf, editing, form, refused, Map.of());
	}

	private String form(NewsroomUser user, Model model, CsrfToken csrf, ArticleWorkflow.Editing editing,
			ArticleForm form, IllegalArgumentException refused, Map<String, String> typed) {
		var texts = chrome.chrome();
		model.addAttribute("page",
				new NewsroomPages.EditPage(texts, csrf, editing, form, refused == null ? null : refused.getMessage(),
						NewsroomPages.problems(texts, refused, ArticleForm::inputOf), taxonomy.sections(),
						media.recent(100), settings.timeZone(),
						editing != null && Permission.MODERATE_COMMENTS.allows(user.account())
								? comments.closedByEditor(editing.id()) : null,
						typed));
		if (editing != null) {
			model.addAttribute("translations", new TranslationsPanel(editing.id(), translations.of(editing.id()),
					translations.candidates(editing.id(), TranslationsPanel.CANDIDATES)));
		}
		return "newsroom/edit";
	}

}
