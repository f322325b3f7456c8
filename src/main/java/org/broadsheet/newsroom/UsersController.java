package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.AccountAdministration;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.NewsroomUser;
import org.broadsheet.account.Permission;
import org.broadsheet.account.Role;
import org.broadsheet.account.TwoFactor;
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
 * {@code /newsroom/users}: administrators list, create, change the role of, disable,
 * enable and delete accounts and turn someone's two-factor sign-in off (the services
 * check the role and the rules; a refusal re-renders the page with the field marked).
 */
@Controller
class UsersController {

	private final Accounts accounts;

	private final AccountAdministration administration;

	private final TwoFactor twoFactor;

	private final SiteChrome chrome;

	UsersController(Accounts accounts, AccountAdministration administration, TwoFactor twoFactor, SiteChrome chrome) {
		this.accounts = accounts;
		this.administration = administration;
		this.twoFactor = twoFactor;
		this.chrome = chrome;
	}

	@GetMapping("/newsroom/users")
	String users(@AuthenticationPrincipal NewsroomUser user, @RequestParam(required = false) String done,
			CsrfToken csrf, Model model) {
		Permission.MANAGE_ACCOUNTS.require(user.account());
		return page(model, user, csrf, null, NewsroomPages.NewAccount.EMPTY, null, notice(done));
	}

	@PostMapping("/newsroom/users")
	String create(@AuthenticationPrincipal NewsroomUser user, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "") String password, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		try {
			accounts.create(user.account(), email, name, Role.parse(role), password);
			return "redirect:/newsroom/users?done=created";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, user, csrf, ex, new NewsroomPages.NewAccount(email, name, role), null, null);
		}
	}

	@PostMapping("/newsroom/users/{id}/role")
	String role(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String role, CsrfToken csrf, Model model, HttpServletResponse response) {
		return act(user, id, csrf, model, response, "role-changed",
				() -> administration.changeRole(user.account(), id, Role.parse(role)));
	}

	@PostMapping("/newsroom/users/{id}/disable")
	String disable(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		return act(user, id, csrf, model, response, "disabled", () -> administration.disable(user.account(), id));
	}

	@PostMapping("/newsroom/users/{id}/enable")
	String enable(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		return act(user, id, csrf, model, response, "enabled", () -> administration.enable(user.account(), id));
	}

	@PostMapping("/newsroom/users/{id}/two-factor/reset")
	String resetTwoFactor(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, CsrfToken csrf,
			Model model, HttpServletResponse response) {
		return act(user, id, csrf, model, response, "two-factor-reset", () -> twoFactor.disable(user.account(), id));
	}

	/**
	 * @param heir {@code keep}, or the id of the account that takes the articles over
	 */
	@PostMapping("/newsroom/users/{id}/delete")
	String delete(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			@RequestParam(defaultValue = "keep") String heir, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		return act(user, id, csrf, model, response, "deleted",
				() -> administration.delete(user.account(), id, heir.matches("\\d{1,18}") ? Long.valueOf(heir) : null));
	}

	private String act(NewsroomUser user, long id, CsrfToken csrf, Model model, HttpServletResponse response,
			String done, Runnable change) {
		try {
			change.run();
			return "redirect:/newsroom/users?done=" + done;
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(ex instanceof org.broadsheet.shared.Conflict ? HttpStatus.CONFLICT.value()
					: HttpStatus.BAD_REQUEST.value());
			return page(model, user, csrf, ex, NewsroomPages.NewAccount.EMPTY, id, null);
		}
	}

	private static String notice(String done) {
		return done != null && done.matches("[a-z-]{1,20}") ? "users.done." + done : null;
	}

	/**
	 * @param refused why the last form was refused, or null
	 * @param refusedAccount the account whose row's form was refused, or null for the new
	 * account form
	 */
	private String page(Model model, NewsroomUser user, CsrfToken csrf, IllegalArgumentException refused,
			NewsroomPages.NewAccount form, Long refusedAccount, String notice) {
		var texts = chrome.chrome();
		// The forms' inputs are named as the account rules name their fields; a row's
		// inputs carry its account's id.
		model.addAttribute("page", new NewsroomPages.UsersPage(texts, csrf, user.account(),
				accounts.staff(user.account()), refused == null ? null : refused.getMessage(), NewsroomPages
					.problems(texts, refused, field -> refusedAccount == null ? field : field + "-" + refusedAccount),
				form, notice));
		return "newsroom/users";
	}

}
