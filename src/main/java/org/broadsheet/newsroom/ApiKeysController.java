package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.ApiKeys;
import org.broadsheet.account.NewsroomUser;
import org.broadsheet.account.Role;
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
 * role, see when each was last used, and revoke them (the service checks the role). A new
 * key's secret is shown once, on the page that answers the form, never in an address.
 */
@Controller
class ApiKeysController {

	private final ApiKeys keys;

	private final Accounts accounts;

	private final SiteChrome chrome;

	ApiKeysController(ApiKeys keys, Accounts accounts, SiteChrome chrome) {
		this.keys = keys;
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
			return page(user, model, csrf, issued, null, NewsroomPages.NewApiKey.EMPTY);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(user, model, csrf, null, ex, typed);
		}
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
	private String page(NewsroomUser user, Model model, CsrfToken csrf, ApiKeys.Issued issued,
			IllegalArgumentException refused, NewsroomPages.NewApiKey form) {
		var texts = chrome.chrome();
		model.addAttribute("page",
				new NewsroomPages.ApiKeysPage(texts, csrf, keys.all(user.account()), accounts.all(), issued,
						refused == null ? null : refused.getMessage(),
						NewsroomPages.problems(texts, refused, field -> field), form));
		return "newsroom/api-keys";
	}

}
