package org.broadsheet.newsroom;

import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.ApiKeys;
import org.broadsheet.account.NewsroomUser;
import org.broadsheet.account.Role;
import org.broadsheet.api.ContentKeys;
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
 * {@code /newsroom/api-keys}: administrators issue Admin API keys for an account and a
 * role, and Content API keys for an integration, see when each was last used, and revoke
 * them (the services check the role). A new key's secret is shown once, on the page that
 * answers the form, never in an address.
 */
@Controller
class ApiKeysController {

	private final ApiKeys keys;

	private final ContentKeys contentKeys;

	private final Accounts accounts;

	private final SiteChrome chrome;

	ApiKeysController(ApiKeys keys, ContentKeys contentKeys, Accounts accounts, SiteChrome chrome) {
		this.keys = keys;
		this.contentKeys = contentKeys;
		this.accounts = accounts;
		this.chrome = chrome;
	}

	@GetMapping("/newsroom/api-keys")
	String list(@AuthenticationPrincipal NewsroomUser user, CsrfToken csrf, Model model) {
		return page(user, model, csrf, null, null, NewsroomPages.NewApiKey.EMPTY);
	}

	@PostMapping("/newsroom/api-keys")
	String issue(@AuthenticationPrincipal NewsroomUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String role,
			CsrfToken csrf, Model model, HttpServletResponse response) {
		var typed = new NewsroomPages.NewApiKey(name, account, role);
		try {
			var issued = keys.issue(user.account(), name, account, Role.parse(role));
			return page(user, model, csrf, new NewsroomPages.IssuedSecret(issued.key().name(), issued.secret()), null,
					NewsroomPages.NewApiKey.EMPTY);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(user, model, csrf, null, ex, typed);
		}
	}

	@PostMapping("/newsroom/content-keys")
	String issueContentKey(@AuthenticationPrincipal NewsroomUser user, @RequestParam(defaultValue = "") String name,
			CsrfToken csrf, Model model, HttpServletResponse response) {
		try {
			var issued = contentKeys.issue(user.account(), name);
			return page(user, model, csrf, new NewsroomPages.IssuedSecret(issued.key().name(), issued.secret()), null,
					NewsroomPages.NewApiKey.EMPTY);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			// The content key form's input is "content-name", beside the API key form's
			// "name".
			return page(user, model, csrf, null, ex, NewsroomPages.NewApiKey.EMPTY, field -> "content-" + field);
		}
	}

	@PostMapping("/newsroom/content-keys/{id}/revoke")
	String revokeContentKey(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
		contentKeys.revoke(user.account(), id);
		return "redirect:/newsroom/api-keys?revoked";
	}

	@PostMapping("/newsroom/api-keys/{id}/revoke")
	String revoke(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
		keys.revoke(user.account(), id);
		return "redirect:/newsroom/api-keys?revoked";
	}

	/**
	 * @param issued a key just issued, whose secret the page shows once, or null
	 * @param refused why the form was refused, or null
	 */
	private String page(NewsroomUser user, Model model, CsrfToken csrf, NewsroomPages.IssuedSecret issued,
			IllegalArgumentException refused, NewsroomPages.NewApiKey form) {
		return page(user, model, csrf, issued, refused, form, field -> field);
	}

	/**
	 * @param inputOf the id of the input for a field the services name
	 */
	private String page(NewsroomUser user, Model model, CsrfToken csrf, NewsroomPages.IssuedSecret issued,
			IllegalArgumentException refused, NewsroomPages.NewApiKey form, UnaryOperator<String> inputOf) {
		var texts = chrome.chrome();
		model.addAttribute("page",
				new NewsroomPages.ApiKeysPage(texts, csrf, keys.all(user.account()), contentKeys.all(user.account()),
						accounts.all(), issued, refused == null ? null : refused.getMessage(),
						NewsroomPages.problems(texts, refused, inputOf), form));
		return "newsroom/api-keys";
	}

}
