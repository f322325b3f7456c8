package org.broadsheet.newsroom;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.NewsroomUser;
import org.broadsheet.article.Articles;
import org.broadsheet.comment.Comment;
import org.broadsheet.comment.CommentRejected;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.FederatedComments;
import org.broadsheet.comment.Moderation;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /newsroom/comments}: the moderation queue by status, with actions on one comment
 * or on all ticked ones, and an edit form. Editors only (checked by {@link Moderation}).
 */
@Controller
class CommentsController {

	private static final int PAGE_SIZE = 50;

	private final Moderation moderation;

	private final Articles articles;

	private final SiteChrome chrome;

	private final FederatedComments federated;

	CommentsController(Moderation moderation, Articles articles, SiteChrome chrome, FederatedComments federated) {
		this.federated = federated;
		this.moderation = moderation;
		this.articles = articles;
		this.chrome = chrome;
	}

	@GetMapping("/newsroom/comments")
	String queue(@AuthenticationPrincipal NewsroomUser user, @RequestParam(defaultValue = "pending") String status,
			@RequestParam(defaultValue = "1") int page, CsrfToken csrf, Model model) {
		CommentStatus shown = parse(status);
		var queue = moderation.queue(user.account(), shown, page, PAGE_SIZE);
		var titles = articles.titles(queue.items().stream().map(Comment::articleId).distinct().toList());
		var remote = federated.authors(queue.items().stream().map(Comment::id).toList());
		model.addAttribute("page", new NewsroomPages.CommentsPage(chrome.chrome(), csrf, queue, titles, remote));
		return "newsroom/comments";
	}

	/** Ticked comments ({@code id}, repeated) and the action of the button pressed. */
	@PostMapping("/newsroom/comments")
	String act(@AuthenticationPrincipal NewsroomUser user, @RequestParam(defaultValue = "") String action,
			@RequestParam(name = "id", required = false) List<Long> ids,
			@RequestParam(defaultValue = "pending") String status) {
		CommentStatus back = parse(status);
		Moderation.Action chosen;
		try {
			chosen = Moderation.Action.valueOf(action.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "action: one of approve, reject, spam, delete");
		}
		int changed = moderation.apply(user.account(), chosen, ids == null ? List.of() : ids);
		return "redirect:/newsroom/comments?status=" + back.key() + "&changed=" + changed;
	}

	@GetMapping("/newsroom/comments/{id}")
	String edit(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, CsrfToken csrf, Model model) {
		var comment = moderation.find(user.account(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return editPage(model, csrf, comment, comment.authorName(), comment.authorEmail(), comment.authorUrl(),
				comment.body(), null);
	}

	@PostMapping("/newsroom/comments/{id}")
	String save(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String website, @RequestParam(defaultValue = "") String text,
			CsrfToken csrf, Model model, HttpServletResponse response) {
		var comment = moderation.find(user.account(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		try {
			moderation.edit(user.account(), comment.id(), name, email, website, text);
			return "redirect:/newsroom/comments?status=" + comment.status().key() + "&saved";
		}
		catch (CommentRejected ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return editPage(model, csrf, comment, name, email, website, text, ex.problems());
		}
	}

	/** Closes or opens an article's comments, from the editor page. */
	@PostMapping("/newsroom/articles/{id}/comments")
	String closing(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String closed) {
		if (articles.titles(List.of(id)).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		moderation.setClosed(user.account(), id, "true".equals(closed));
		return "redirect:/newsroom/articles/" + id + "?comments";
	}

	private String editPage(Model model, CsrfToken csrf, Comment comment, String name, String email, String website,
			String text, Map<String, String> problems) {
		model.addAttribute("page",
				new NewsroomPages.CommentEditPage(chrome.chrome(), csrf, comment,
						articles.titles(List.of(comment.articleId())).get(comment.articleId()), name,
						email == null ? "" : email, website == null ? "" : website, text,
						problems == null ? Map.of() : problems));
		return "newsroom/comment";
	}

	private static CommentStatus parse(String status) {
		try {
			return CommentStatus.of(status);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
	}

}
