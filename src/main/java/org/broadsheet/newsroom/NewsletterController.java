package org.broadsheet.newsroom;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.NewsroomUser;
import org.broadsheet.article.Articles;
import org.broadsheet.newsletter.sending.NewsletterSends;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
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
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /newsroom/articles/{id}/newsletter}: an article's newsletter panel for editors:
 * "Send a test to me", "Send as newsletter" after a confirmation step, the live figures
 * of its send ({@code /newsroom/newsletter/sends/{id}}, JSON, polled by
 * {@code newsletter.js}; without JavaScript a reload shows them) and the history of its
 * sends, and "Cancel send" while it is queued or sending ({@link NewsletterSends} checks
 * the permission and audits).
 */
@Controller
class NewsletterController {

	private final NewsletterSends sends;

	private final Articles articles;

	private final SiteChrome chrome;

	NewsletterController(NewsletterSends sends, Articles articles, SiteChrome chrome) {
		this.sends = sends;
		this.articles = articles;
		this.chrome = chrome;
	}

	@GetMapping("/newsroom/articles/{id}/newsletter")
	String panel(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			@RequestParam(required = false) String confirm, @RequestParam(required = false) String done, CsrfToken csrf,
			Model model) {
		return panel(user, id, csrf, model, confirm != null, done == null ? null : "newsletter.panel." + done, null);
	}

	/**
	 * "Send a test to me" ({@code test}) or the confirmed "Send as newsletter"
	 * ({@code send}).
	 */
	@PostMapping("/newsroom/articles/{id}/newsletter/{action:test|send}")
	String act(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, @PathVariable String action,
			CsrfToken csrf, Model model, HttpServletResponse response) {
		boolean test = "test".equals(action);
		try {
			if (test) {
				sends.test(user.account(), id);
			}
			else {
				sends.send(user.account(), id);
			}
			return "redirect:/newsroom/articles/" + id + "/newsletter?done=" + (test ? "tested" : "queued");
		}
		catch (IllegalArgumentException ex) {
			// A test refused (no SMTP, the server said no) is 400; a second send
			// conflicts.
			response.setStatus(test ? HttpStatus.BAD_REQUEST.value() : HttpStatus.CONFLICT.value());
			return panel(user, id, csrf, model, false, null, ex);
		}
	}

	/**
	 * "Cancel send" of the article's send while it is queued or sending: 404 for a send
	 * that is not this article's, 409 with the reason on the panel when it is over.
	 */
	@PostMapping("/newsroom/articles/{id}/newsletter/cancel")
	String cancel(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, @RequestParam long send,
			CsrfToken csrf, Model model, HttpServletResponse response) {
		sends.progress(user.account(), send)
			.filter(s -> Long.valueOf(id).equals(s.articleId()))
			.orElseThrow(() -> new NotFound("newsletter send", send));
		try {
			sends.cancel(user.account(), send);
			return "redirect:/newsroom/articles/" + id + "/newsletter?done=cancelled";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			return panel(user, id, csrf, model, false, null, ex);
		}
	}

	/**
	 * @return a send's figures: {@code {"status", "sent", "failed", "remaining",
	 * "skipped"}}
	 */
	@GetMapping(value = "/newsroom/newsletter/sends/{id}", produces = "application/json")
	@ResponseBody
	Map<String, Object> progress(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
		var send = sends.progress(user.account(), id).orElseThrow(() -> new NotFound("newsletter send", id));
		return Map.of("status", send.status(), "sent", send.sent(), "failed", send.failed(), "remaining",
				send.remaining(), "skipped", send.skipped());
	}

	private String panel(NewsroomUser user, long id, CsrfToken csrf, Model model, boolean confirm, String notice,
			IllegalArgumentException refused) {
		var actor = user.account();
		String title = articles.titles(List.of(id)).get(id);
		if (title == null) {
			throw new NotFound("article", id);
		}
		var texts = chrome.chrome();
		model.addAttribute("panel",
				new NewsletterPanel(texts, csrf, id, title, sends.available(), sends.audience(actor, id).orElse(null),
						sends.history(actor, id), confirm, notice == null ? null : texts.t(notice),
						refused == null ? null : refused instanceof InvalidInput invalid
								? texts.t(invalid.key(), invalid.arguments()) : refused.getMessage()));
		return "newsroom/newsletter";
	}

}
