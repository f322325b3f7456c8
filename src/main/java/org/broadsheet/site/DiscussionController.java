package org.broadsheet.site;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.article.Article;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.comment.CommentRejected;
import org.broadsheet.comment.Comments;
import org.broadsheet.comment.Likes;
import org.broadsheet.comment.NewComment;
import org.broadsheet.comment.Throttled;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;

/**
 * Readers' comments and likes (POST, CSRF-protected by the security configuration). A
 * refused comment comes back on the article page with what was typed and the fields at
 * fault: 400 for bad input, 403 when comments are closed, 429 with Retry-After when the
 * address sent too many.
 */
@Controller
class DiscussionController {

	private final PublishedArticles articles;

	private final Comments comments;

	private final Likes likes;

	private final ArticlePages articlePages;

	private final NewsletterForms newsletter;

	DiscussionController(PublishedArticles articles, Comments comments, Likes likes, ArticlePages articlePages,
			NewsletterForms newsletter) {
		this.newsletter = newsletter;
		this.articles = articles;
		this.comments = comments;
		this.likes = likes;
		this.articlePages = articlePages;
	}

	/**
	 * The fields of the comment form; {@code homepage} is the honeypot, hidden from
	 * people.
	 */
	record CommentParams(String name, String email, String website, String text, String parent, String token,
			String homepage) {
	}

	@PostMapping("/{section:[^.]+}/{slug:[^.]+}/comments")
	Object comment(@PathVariable String section, @PathVariable String slug, CommentParams params,
			HttpServletRequest request, HttpServletResponse response, CsrfToken csrf, Model model) {
		Article article = article(section, slug);
		Long parent = parent(params.parent());
		var form = new Pages.CommentForm(nonNull(params.name()), nonNull(params.email()), nonNull(params.website()),
				nonNull(params.text()), parent);
		String reader = ReaderCookie.ensure(request, response);
		response.setHeader("Cache-Control", "private, no-cache");
		try {
			var posted = comments.post(
					new NewComment(article.id(), parent, params.name(), params.email(), params.website(), params.text(),
							reader, request.getRemoteAddr(), params.token(), params.homepage()),
					article.publishedAt());
			int page = comments.pageOf(article.id(), posted.id(), reader);
			return "redirect:" + (page == 1 ? article.path() : article.path() + "?cpage=" + page) + "#comment-"
					+ posted.id();
		}
		catch (CommentRejected ex) {
			response.setStatus(switch (ex.reason()) {
				case CLOSED -> HttpStatus.FORBIDDEN.value();
				case INVALID -> HttpStatus.BAD_REQUEST.value();
			});
			return again(article, reader, csrf, form, ex.problems(), null, model);
		}
		catch (Throttled ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", Long.toString(ex.retryAfter().toSeconds()));
			return again(article, reader, csrf, form, Map.of(), "comment.error.tooMany", model);
		}
	}

	@PostMapping("/{section:[^.]+}/{slug:[^.]+}/like")
	Object like(@PathVariable String section, @PathVariable String slug,
			@RequestHeader(name = "Accept", defaultValue = "") String accept, HttpServletRequest request,
			HttpServletResponse response, CsrfToken csrf, Model model) {
		Article article = article(section, slug);
		String reader = ReaderCookie.ensure(request, response);
		boolean json = accept.contains(MediaType.APPLICATION_JSON_VALUE);
		try {
			var state = likes.like(article.id(), reader, request.getRemoteAddr());
			return json ? ResponseEntity.ok(state) : "redirect:" + article.path() + "#like";
		}
		catch (Throttled ex) {
			if (json) {
				return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
					.header("Retry-After", Long.toString(ex.retryAfter().toSeconds()))
					.body(Map.of("error", "too many likes from this address; retry later"));
			}
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", Long.toString(ex.retryAfter().toSeconds()));
			return again(article, reader, csrf, null, Map.of(), "like.error.tooMany", model);
		}
	}

	private String again(Article article, String reader, CsrfToken csrf, Pages.CommentForm form,
			Map<String, String> problems, String notice, Model model) {
		var view = new ArticlePages.Reader(reader, 1, false, csrf, form, problems, form == null ? null : form.parent(),
				notice);
		var page = articlePages.page(article, view);
		model.addAttribute("page", page);
		model.addAttribute("newsletter", newsletter.article(page.chrome(), article));
		return "site/article";
	}

	private Article article(String section, String slug) {
		return articles.published(section, slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * @return the parent comment's id, null for none; 0 (no comment: refused by the
	 * rules) for anything else
	 */
	private static Long parent(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Math.max(0, Long.parseLong(value.strip()));
		}
		catch (NumberFormatException ex) {
			return 0L;
		}
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}

}
