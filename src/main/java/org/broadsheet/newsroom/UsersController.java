package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.NewsroomUser;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Role;
import org.broadsheet.site.SiteChrome;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /newsroom/users}: administrators list and create accounts (the service checks
 * the role).
 */
@Controller
class UsersController {

	private final Accounts accounts;

	private final SiteChrome chrome;

	UsersController(Accounts accounts, SiteChrome chrome) {
		this.accounts = accounts;
		this.chrome = chrome;
	}

	@GetMapping("/newsroom/users")
	String users(@AuthenticationPrincipal NewsroomUser user, CsrfToken csrf, Model model) {
		Permission.MANAGE_ACCOUNTS.require(user.account());
		return page(model, csrf);
	}

	@PostMapping("/newsroom/users")
	String create(@AuthenticationPrincipal NewsroomUser user, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "") String password, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		try {
			accounts.create(user.account(), email, name, Role.parse(role), password);
			return "redirect:/newsroom/users?created";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, csrf, ex, new NewsroomPages.NewAccount(email, name, role));
		}
	}

	private String page(Model model, CsrfToken csrf) {
		return page(model, csrf, null, NewsroomPages.NewAccount.EMPTY);
	}

	/**
	 * @param refused why the last form was refused, or null
	 */
	private String page(Model model, CsrfToken csrf, IllegalArgumentException refused, NewsroomPages.NewAccount form) {
		var texts = chrome.chrome();
		// The form's inputs are named as the account rules name their fields.
		model.addAttribute("page",
				new NewsroomPages.UsersPage(texts, csrf, accounts.all(), refused == null ? null : refused.getMessage(),
						NewsroomPages.problems(texts, refused, field -> field), form));
		return "newsroom/users";
	}

}
