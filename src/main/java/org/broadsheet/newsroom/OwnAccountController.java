package org.broadsheet.newsroom;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.broadsheet.account.AccountSessions;
import org.broadsheet.account.NewsroomUser;
import org.broadsheet.account.Passwords;
import org.broadsheet.account.Totp;
import org.broadsheet.account.TwoFactor;
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
 * {@code /newsroom/account}: everyone's own password and two-factor sign-in. Enrolment
 * keeps the new secret in the session until a code from the app confirms it; the recovery
 * codes are shown once, on the page that answers the confirmation.
 */
@Controller
class OwnAccountController {

	/** The session attribute holding a secret shown at enrolment, not yet confirmed. */
	private static final String ENROLLING = OwnAccountController.class.getName() + ".ENROLLING";

	private final Passwords passwords;

	private final TwoFactor twoFactor;

	private final AccountSessions sessions;

	private final SiteChrome chrome;

	OwnAccountController(Passwords passwords, TwoFactor twoFactor, AccountSessions sessions, SiteChrome chrome) {
		this.passwords = passwords;
		this.twoFactor = twoFactor;
		this.sessions = sessions;
		this.chrome = chrome;
	}

	@GetMapping("/newsroom/account")
	String account(@AuthenticationPrincipal NewsroomUser user, @RequestParam(required = false) String done,
			CsrfToken csrf, HttpSession session, Model model) {
		String notice = done != null && done.matches("[a-z-]{1,20}") ? "account.done." + done : null;
		return page(model, user, csrf, session, null, notice, null);
	}

	@PostMapping("/newsroom/account/password")
	String password(@AuthenticationPrincipal NewsroomUser user, @RequestParam(defaultValue = "") String current,
			@RequestParam(defaultValue = "") String password, CsrfToken csrf, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			passwords.change(user.account(), current, password);
			// The change ended every session of the account; this one goes on.
			sessions.renew(request, response);
			return "redirect:/newsroom/account?done=password";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, user, csrf, request.getSession(), ex, null, null);
		}
	}

	@PostMapping("/newsroom/account/two-factor/start")
	String start(HttpSession session) {
		session.setAttribute(ENROLLING, Totp.newSecret());
		return "redirect:/newsroom/account#two-factor";
	}

	@PostMapping("/newsroom/account/two-factor/confirm")
	String confirm(@AuthenticationPrincipal NewsroomUser user, @RequestParam(defaultValue = "") String code,
			CsrfToken csrf, HttpSession session, HttpServletResponse response, Model model) {
		String secret = session.getAttribute(ENROLLING) instanceof String s ? s : null;
		try {
			var codes = twoFactor.enable(user.account(), secret, code);
			session.removeAttribute(ENROLLING);
			return page(model, user, csrf, session, null, "account.done.two-factor-on", codes);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, user, csrf, session, ex, null, null);
		}
	}

	@PostMapping("/newsroom/account/two-factor/disable")
	String disable(@AuthenticationPrincipal NewsroomUser user) {
		twoFactor.disable(user.account(), user.account().id());
		return "redirect:/newsroom/account?done=two-factor-off";
	}

	private String page(Model model, NewsroomUser user, CsrfToken csrf, HttpSession session,
			IllegalArgumentException refused, String notice, List<String> recoveryCodes) {
		var texts = chrome.chrome();
		String secret = session.getAttribute(ENROLLING) instanceof String s ? s : null;
		long id = user.account().id();
		boolean enabled = twoFactor.enabled(id);
		model.addAttribute("page",
				new NewsroomPages.OwnAccountPage(texts, csrf, user.account(), enabled,
						enabled ? twoFactor.recoveryCodesLeft(id) : 0, secret,
						secret == null ? null : Totp.uri(texts.siteName(), user.account().email(), secret),
						recoveryCodes, notice, refused == null ? null : refused.getMessage(),
						NewsroomPages.problems(texts, refused, field -> field)));
		return "newsroom/account";
	}

}
