package org.broadsheet.newsletter.subscription;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.newsletter.subscription.SubscriberLinks.Purpose;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.site.PageMeta;
import org.broadsheet.site.SiteChrome;
import org.broadsheet.site.SiteLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The readers' newsletter pages: sign-up ({@code /newsletter}, and the forms of article
 * and home pages posting to {@code /newsletter/subscribe}, CSRF-protected), "check your
 * inbox", confirmation (the link's page shows a button that POSTs, so opening the link
 * changes nothing), preferences and one-click unsubscribe ({@code POST
 * /newsletter/unsubscribe} with {@code List-Unsubscribe=One-Click}, RFC 8058: no CSRF
 * token, no sign-in; the signed link authenticates). Bad input is 400 naming the field, a
 * bad or expired link 400, too many sign-ups 429. Nothing here is cached, and every page
 * with a signed link is kept out of search engines. 404 when newsletters are off
 * ({@code broadsheet.newsletter.enabled}, by default on when {@code spring.mail.host} is
 * set).
 */
@Controller
class SubscriptionController {

	private final Subscriptions subscriptions;

	private final NewsletterLists lists;

	private final SiteChrome chrome;

	private final SiteLinks site;

	private final boolean enabled;

	SubscriptionController(Subscriptions subscriptions, NewsletterLists lists, SiteChrome chrome, SiteLinks site,
			@Value("${broadsheet.newsletter.enabled:}") String enabled,
			@Value("${spring.mail.host:}") String mailHost) {
		this.subscriptions = subscriptions;
		this.lists = lists;
		this.chrome = chrome;
		this.site = site;
		this.enabled = enabled.isBlank() ? !mailHost.isBlank() : Boolean.parseBoolean(enabled.strip());
	}

	/** Nothing of a reader's is cached; newsletters off answer 404. */
	@ModelAttribute
	void common(HttpServletResponse response) {
		if (!enabled) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		response.setHeader("Cache-Control", "private, no-store");
	}

	/** The sign-up form's fields; {@code homepage} is the honeypot. */
	record SignUpParams(String email, String name, List<String> list, String source, String homepage) {
	}

	@GetMapping("/newsletter")
	String signUpPage(@RequestParam(required = false) String email, @RequestParam(required = false) List<String> list,
			CsrfToken csrf, Model model) {
		model.addAttribute("page",
				signUp(email, null, list == null || list.isEmpty() ? List.of("site") : list, Map.of(), csrf, null));
		return "newsletter/signup";
	}

	@PostMapping("/newsletter/subscribe")
	String subscribe(SignUpParams params, HttpServletRequest request, HttpServletResponse response, CsrfToken csrf,
			Model model) {
		try {
			subscriptions.signUp(new Subscriptions.SignUp(params.email(), params.name(), params.list(), params.source(),
					lists.t("newsletter.consent"), request.getRemoteAddr(), params.homepage()));
			return "redirect:/newsletter/sent";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("page", signUp(params.email(), params.name(),
					params.list() == null ? List.of() : params.list(), Map.of(ex.field(), ex.key()), csrf, null));
		}
		catch (TooManySignUps ex) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader("Retry-After", Long.toString(ex.retryAfterSeconds()));
			model.addAttribute("page", signUp(params.email(), params.name(),
					params.list() == null ? List.of() : params.list(), Map.of(), csrf, "newsletter.error.tooMany"));
		}
		return "newsletter/signup";
	}

	@GetMapping("/newsletter/sent")
	String sent(Model model) {
		return message(model, "newsletter.sent.title", "newsletter.sent.text", null);
	}

	/**
	 * The confirmation link's page: says what will be confirmed and shows the button.
	 * Changes nothing, so a mail scanner that opens links confirms nobody.
	 */
	@GetMapping("/newsletter/confirm")
	String confirmPage(@RequestParam(required = false) String s, @RequestParam(required = false) String e,
			@RequestParam(required = false) String t, CsrfToken csrf, HttpServletResponse response, Model model) {
		try {
			long id = id(s);
			long expiresAt = id(e);
			var toConfirm = subscriptions.toConfirm(id, expiresAt, t);
			List<String> names = lists.named(toConfirm.lists()).stream().map(NewsletterLists.Choice::label).toList();
			model.addAttribute("page", new NewsletterPages.ConfirmPage(chrome.chrome(),
					meta("newsletter.confirm.title"), toConfirm.email(), names, id, expiresAt, t, csrf));
			return "newsletter/confirm";
		}
		catch (InvalidInput ex) {
			return badLink(response, model);
		}
	}

	/** The confirmation page's button: confirms, then POST-redirect-GET. */
	@PostMapping("/newsletter/confirm")
	String confirm(@RequestParam(required = false) String s, @RequestParam(required = false) String e,
			@RequestParam(required = false) String t, HttpServletResponse response, Model model) {
		try {
			subscriptions.confirm(id(s), id(e), t);
			return "redirect:/newsletter/confirmed";
		}
		catch (InvalidInput ex) {
			return badLink(response, model);
		}
	}

	@GetMapping("/newsletter/confirmed")
	String confirmed(Model model) {
		return message(model, "newsletter.confirmed.title", "newsletter.confirmed.text", null);
	}

	@GetMapping("/newsletter/preferences")
	String preferences(@RequestParam(required = false) String s, @RequestParam(required = false) String t,
			@RequestParam(required = false) String saved, CsrfToken csrf, HttpServletResponse response, Model model) {
		try {
			String notice = saved != null && List.of("lists", "paused", "resumed", "unsubscribed").contains(saved)
					? "newsletter.saved." + saved : null;
			model.addAttribute("page", preferencesPage(id(s), t, csrf, notice, Map.of()));
			return "newsletter/preferences";
		}
		catch (InvalidInput ex) {
			return badLink(response, model);
		}
	}

	@PostMapping("/newsletter/preferences")
	String changePreferences(@RequestParam(required = false) String s, @RequestParam(required = false) String t,
			@RequestParam(defaultValue = "lists") String action, @RequestParam(required = false) List<String> list,
			CsrfToken csrf, HttpServletResponse response, Model model) {
		long id;
		try {
			id = id(s);
			String done = switch (action) {
				case "pause" -> {
					subscriptions.pause(id, t, true);
					yield "paused";
				}
				case "resume" -> {
					subscriptions.pause(id, t, false);
					yield "resumed";
				}
				case "unsubscribe" -> {
					subscriptions.unsubscribe(id, t, Purpose.PREFERENCES);
					yield "unsubscribed";
				}
				default -> {
					subscriptions.changeLists(id, t, list);
					yield "lists";
				}
			};
			return "redirect:" + UriComponentsBuilder.fromPath(Purpose.PREFERENCES.path())
				.queryParam("s", id)
				.queryParam("t", t)
				.queryParam("saved", done)
				.encode()
				.build()
				.toUriString();
		}
		catch (InvalidInput ex) {
			if ("t".equals(ex.field())) {
				return badLink(response, model);
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("page", preferencesPage(id(s), t, csrf, null, Map.of(ex.field(), ex.key())));
			return "newsletter/preferences";
		}
	}

	@GetMapping("/newsletter/unsubscribe")
	String unsubscribePage(@RequestParam(required = false) String s, @RequestParam(required = false) String t,
			Model model) {
		String action = UriComponentsBuilder.fromPath(Purpose.UNSUBSCRIBE.path())
			.queryParam("s", s)
			.queryParam("t", t)
			.encode()
			.build()
			.toUriString();
		model.addAttribute("page",
				new NewsletterPages.UnsubscribePage(chrome.chrome(), meta("newsletter.unsubscribe.title"), action));
		return "newsletter/unsubscribe";
	}

	/**
	 * One-click unsubscribe (RFC 8058 §3.1): the mail client POSTs
	 * {@code List-Unsubscribe=One-Click} to the List-Unsubscribe address; the page's
	 * button sends the same.
	 */
	@PostMapping("/newsletter/unsubscribe")
	String unsubscribe(@RequestParam(required = false) String s, @RequestParam(required = false) String t,
			@RequestParam(name = "List-Unsubscribe", required = false) String oneClick, HttpServletResponse response,
			Model model) {
		if (!"One-Click".equals(oneClick)) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return message(model, "newsletter.badLink.title", "newsletter.unsubscribe.oneClick", null);
		}
		try {
			subscriptions.unsubscribe(id(s), t, Purpose.UNSUBSCRIBE);
			return message(model, "newsletter.unsubscribed.title", "newsletter.unsubscribed.text", null);
		}
		catch (InvalidInput ex) {
			return badLink(response, model);
		}
	}

	private NewsletterPages.SignUpPage signUp(String email, String name, List<String> chosen,
			Map<String, String> problems, CsrfToken csrf, String notice) {
		var offered = new LinkedHashMap<String, String>();
		lists.offered().forEach(choice -> offered.put(choice.key(), choice.label()));
		var meta = new PageMeta(title("newsletter.title"), lists.t("newsletter.intro"), site.language(),
				site.direction(null), site.absolute("/newsletter"), List.of(), List.of(), null);
		return new NewsletterPages.SignUpPage(chrome.chrome(), meta, offered, chosen, email == null ? "" : email,
				name == null ? "" : name, problems, csrf, notice);
	}

	private NewsletterPages.PreferencesPage preferencesPage(long id, String token, CsrfToken csrf, String saved,
			Map<String, String> problems) {
		return new NewsletterPages.PreferencesPage(chrome.chrome(), meta("newsletter.preferences.title"),
				subscriptions.preferences(id, token), token, csrf, saved, problems);
	}

	private String message(Model model, String heading, String text, String argument) {
		model.addAttribute("page",
				new NewsletterPages.MessagePage(chrome.chrome(), meta(heading), heading, text, argument));
		return "newsletter/message";
	}

	private String badLink(HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return message(model, "newsletter.badLink.title", "newsletter.invalid.link", null);
	}

	/** A page of a signed link: not for search engines. */
	private PageMeta meta(String titleKey) {
		return new PageMeta(title(titleKey), null, site.language(), site.direction(null), null, List.of(),
				List.of(new PageMeta.Tag("robots", "noindex")), null);
	}

	private String title(String key) {
		return lists.t(key) + " – " + site.siteName();
	}

	/**
	 * @return a link's number ({@code s} or {@code e})
	 * @throws InvalidInput naming {@code t} (the link) for anything but digits
	 */
	private static long id(String value) {
		if (value == null || value.isEmpty() || value.length() > 18
				|| !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new InvalidInput("t", "newsletter.invalid.link");
		}
		return Long.parseLong(value);
	}

}
