package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.PasswordResets;
import org.broadsheet.account.TwoFactorSignIn;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.site.SiteChrome;
import org.broadsheet.site.SiteLinks;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in steps after the password form: {@code /login/code} (the second factor),
 * {@code /login/forgot} (a reset link by e-mail, when SMTP is configured; otherwise it
 * says to ask an administrator) and {@code /login/reset} (the link's new password).
 */
@Controller
class SignInStepsController {

	private final TwoFactorSignIn twoFactor;

	private final PasswordResets resets;

	private final SiteChrome chrome;

	private final SiteLinks links;

	SignInStepsController(TwoFactorSignIn twoFactor, PasswordResets resets, SiteChrome chrome, SiteLinks links) {
		this.twoFactor = twoFactor;
		this.resets = resets;
		this.chrome = chrome;
		this.links = links;
	}

	@GetMapping("/login/code")
	String code(HttpServletRequest request, CsrfToken csrf, Model model) {
		if (!twoFactor.pending(request)) {
			return "redirect:/login";
		}
		return page(model, csrf, "newsroom/login-code", null, null, null, HttpStatus.OK, null);
	}

	@PostMapping("/login/code")
	String code(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
			CsrfToken csrf, Model model) {
		return switch (twoFactor.complete(request, response, code)) {
			case SIGNED_IN -> "redirect:/newsroom";
			case EXPIRED -> "redirect:/login?expired";
			case THROTTLED -> "redirect:/login?throttled";
			case WRONG -> page(model, csrf, "newsroom/login-code", null, null,
					chrome.chrome().t("twofactor.invalid.code"), HttpStatus.BAD_REQUEST, response);
		};
	}

	@GetMapping("/login/forgot")
	String forgot(@RequestParam(required = false) String sent, CsrfToken csrf, Model model) {
		return page(model, csrf, "newsroom/forgot", sent != null ? "forgot.sent" : null, null, null, HttpStatus.OK,
				null);
	}

	@PostMapping("/login/forgot")
	String forgot(@RequestParam(defaultValue = "") String email, HttpServletRequest request) {
		var texts = chrome.chrome();
		resets.request(email, request.getRemoteAddr(), links.absolute("/login/reset?token="),
				texts.t("forgot.mail.subject", texts.siteName()),
				link -> texts.t("forgot.mail.body", texts.siteName(), link, PasswordResets.LIFETIME.toMinutes()));
		return "redirect:/login/forgot?sent";
	}

	@GetMapping("/login/reset")
	String reset(@RequestParam(defaultValue = "") String token, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		if (!resets.valid(token)) {
			return page(model, csrf, "newsroom/reset", "reset.expired", null, null, HttpStatus.GONE, response);
		}
		return page(model, csrf, "newsroom/reset", null, token, null, HttpStatus.OK, null);
	}

	@PostMapping("/login/reset")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			CsrfToken csrf, Model model, HttpServletResponse response) {
		try {
			resets.reset(token, password);
			return "redirect:/login?reset";
		}
		catch (InvalidInput ex) {
			if (ex.field().equals("token")) {
				return page(model, csrf, "newsroom/reset", "reset.expired", null, null, HttpStatus.GONE, response);
			}
			var texts = chrome.chrome();
			return page(model, csrf, "newsroom/reset", null, token, texts.t(ex.key(), ex.arguments()),
					HttpStatus.BAD_REQUEST, response);
		}
	}

	private String page(Model model, CsrfToken csrf, String template, String notice, String token, String problem,
			HttpStatus status, HttpServletResponse response) {
		if (response != null) {
			response.setStatus(status.value());
		}
		model.addAttribute("page",
				new NewsroomPages.SignInStepPage(chrome.chrome(), csrf, notice, resets.available(), token, problem));
		return template;
	}

}
