package org.broadsheet.newsroom;

import java.util.LinkedHashSet;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.NewsroomUser;
import org.broadsheet.site.SiteChrome;
import org.broadsheet.webhook.Webhooks;
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
 * {@code /newsroom/webhooks}: administrators subscribe URLs to events, rotate their
 * secrets, disable, enable and delete them, and read each one's delivery log with "Send
 * again" ({@link Webhooks} checks the permission and audits).
 */
@Controller
class WebhooksController {

	/** How many deliveries a subscription's page lists, newest first. */
	static final int LOG_SIZE = 50;

	private final Webhooks webhooks;

	private final SiteChrome chrome;

	WebhooksController(Webhooks webhooks, SiteChrome chrome) {
		this.webhooks = webhooks;
		this.chrome = chrome;
	}

	@GetMapping("/newsroom/webhooks")
	String list(@AuthenticationPrincipal NewsroomUser user, @RequestParam(required = false) String deleted,
			CsrfToken csrf, Model model) {
		return listPage(user, csrf, model, null, NewsroomPages.NewWebhook.EMPTY,
				deleted == null ? null : "webhooks.deleted");
	}

	@PostMapping("/newsroom/webhooks")
	String subscribe(@AuthenticationPrincipal NewsroomUser user, @RequestParam(defaultValue = "") String url,
			@RequestParam(required = false) List<String> events, @RequestParam(defaultValue = "") String description,
			CsrfToken csrf, Model model, HttpServletResponse response) {
		var chosen = new LinkedHashSet<>(events == null ? List.<String>of() : events);
		try {
			var subscribed = webhooks.subscribe(user.account(), url, chosen, description);
			return "redirect:/newsroom/webhooks/" + subscribed.subscription().id() + "?created";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return listPage(user, csrf, model, ex, new NewsroomPages.NewWebhook(url, chosen, description), null);
		}
	}

	@GetMapping("/newsroom/webhooks/{id}")
	String subscription(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			@RequestParam(required = false) String created, @RequestParam(required = false) String rotated,
			@RequestParam(required = false) String resent, CsrfToken csrf, Model model) {
		var actor = user.account();
		String notice = created != null ? "webhooks.created"
				: rotated != null ? "webhooks.rotated" : resent != null ? "webhooks.resent" : null;
		model.addAttribute("page", new NewsroomPages.WebhookPage(chrome.chrome(), csrf, webhooks.find(actor, id),
				webhooks.secret(actor, id), webhooks.deliveries(actor, id, LOG_SIZE), notice));
		return "newsroom/webhook";
	}

	@PostMapping("/newsroom/webhooks/{id}/active")
	String setActive(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, @RequestParam boolean active) {
		var actor = user.account();
		var subscription = webhooks.find(actor, id);
		webhooks.update(actor, id, subscription.url(), subscription.events(), subscription.description(), active);
		return "redirect:/newsroom/webhooks/" + id;
	}

	@PostMapping("/newsroom/webhooks/{id}/rotate")
	String rotate(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
		webhooks.rotateSecret(user.account(), id);
		return "redirect:/newsroom/webhooks/" + id + "?rotated";
	}

	@PostMapping("/newsroom/webhooks/{id}/delete")
	String delete(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
		webhooks.delete(user.account(), id);
		return "redirect:/newsroom/webhooks?deleted";
	}

	@PostMapping("/newsroom/webhooks/{id}/deliveries/{delivery}/resend")
	String resend(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, @PathVariable long delivery) {
		webhooks.resend(user.account(), delivery);
		return "redirect:/newsroom/webhooks/" + id + "?resent";
	}

	/**
	 * @param refused why the last form was refused, or null
	 */
	private String listPage(NewsroomUser user, CsrfToken csrf, Model model, IllegalArgumentException refused,
			NewsroomPages.NewWebhook form, String notice) {
		var texts = chrome.chrome();
		model.addAttribute("page",
				new NewsroomPages.WebhooksPage(texts, csrf, webhooks.all(user.account()), Webhooks.EVENTS,
						refused == null ? null : refused.getMessage(),
						NewsroomPages.problems(texts, refused, field -> "webhook-" + field), form, notice));
		return "newsroom/webhooks";
	}

}
