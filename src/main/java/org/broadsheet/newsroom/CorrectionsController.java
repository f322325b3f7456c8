package org.broadsheet.newsroom;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.NewsroomUser;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.Correction;
import org.broadsheet.article.Corrections;
import org.broadsheet.article.InvalidArticle;
import org.broadsheet.article.Trash;
import org.broadsheet.site.SiteChrome;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Corrections and editor's notes of a published article, deleting an article to the
 * trash, and the trash (restore, delete permanently). POST-redirect-GET; a refused form
 * comes back as typed with status 400 and the field named. Permissions are the services'
 * ({@link Corrections}, {@link ArticleWorkflow#delete}, {@link Trash}).
 */
@Controller
class CorrectionsController {

	private final Corrections corrections;

	private final ArticleWorkflow workflow;

	private final Trash trash;

	private final SiteChrome chrome;

	CorrectionsController(Corrections corrections, ArticleWorkflow workflow, Trash trash, SiteChrome chrome) {
		this.corrections = corrections;
		this.workflow = workflow;
		this.trash = trash;
		this.chrome = chrome;
	}

	@GetMapping("/newsroom/articles/{id}/corrections")
	String corrections(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			@RequestParam(required = false) String added, @RequestParam(required = false) String edited, CsrfToken csrf,
			Model model) {
		String notice = added != null ? "corrections.added" : edited != null ? "corrections.edited" : null;
		return page(user, id, csrf, model, notice, null, Map.of());
	}

	@PostMapping("/newsroom/articles/{id}/corrections")
	String add(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String placement,
			@RequestParam(defaultValue = "") String text, CsrfToken csrf, Model model, HttpServletResponse response) {
		try {
			corrections.add(user.account(), id, kind(kind), placement(placement), text);
			return "redirect:/newsroom/articles/" + id + "/corrections?added";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(user, id, csrf, model, null, ex, Map.of("text-new", text));
		}
	}

	@PostMapping("/newsroom/articles/{id}/corrections/{correction}")
	String edit(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, @PathVariable long correction,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String placement,
			@RequestParam(defaultValue = "") String text, CsrfToken csrf, Model model, HttpServletResponse response) {
		try {
			corrections.edit(user.account(), id, correction, kind(kind), placement(placement), text);
			return "redirect:/newsroom/articles/" + id + "/corrections?edited";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(user, id, csrf, model, null, ex, Map.of("text-" + correction, text));
		}
	}

	@PostMapping("/newsroom/articles/{id}/delete")
	String delete(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
		workflow.delete(user.account(), id);
		return "redirect:/newsroom/trash?deleted";
	}

	@GetMapping("/newsroom/trash")
	String trash(@AuthenticationPrincipal NewsroomUser user, @RequestParam(required = false) String deleted,
			@RequestParam(required = false) String purged, CsrfToken csrf, Model model) {
		String notice = deleted != null ? "trash.deleted" : purged != null ? "trash.purged" : null;
		model.addAttribute("page",
				new CorrectionPages.TrashPage(chrome.chrome(), csrf, trash.list(user.account()), notice));
		return "newsroom/trash";
	}

	@PostMapping("/newsroom/trash/{id}/restore")
	String restore(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
		trash.restore(user.account(), id);
		return "redirect:/newsroom/articles/" + id + "?restoredFromTrash";
	}

	@PostMapping("/newsroom/trash/{id}/delete")
	String deletePermanently(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
		trash.deletePermanently(user.account(), id);
		return "redirect:/newsroom/trash?purged";
	}

	private String page(NewsroomUser user, long id, CsrfToken csrf, Model model, String notice,
			IllegalArgumentException refused, Map<String, String> typed) {
		var editing = workflow.editing(user.account(), id);
		var texts = chrome.chrome();
		String input = typed.isEmpty() ? "text-new" : typed.keySet().iterator().next();
		model.addAttribute("page",
				new CorrectionPages.CorrectionsPage(texts, csrf, id, editing.latest().title(), editing.status(),
						corrections.of(id), notice, NewsroomPages.problems(texts, refused, field -> input), typed));
		return "newsroom/corrections";
	}

	private static Correction.Kind kind(String value) {
		return Correction.Kind.of(value).orElseThrow(() -> new InvalidArticle("kind", "correction.invalid.kind"));
	}

	private static Correction.Placement placement(String value) {
		return Correction.Placement.of(value)
			.orElseThrow(() -> new InvalidArticle("placement", "correction.invalid.placement"));
	}

}
