package org.broadsheet.newsroom;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.NewsroomUser;
import org.broadsheet.account.Permission;
import org.broadsheet.comment.CommentSettings;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.settings.SettingsForm;
import org.broadsheet.settings.SettingsStore;
import org.broadsheet.site.SiteChrome;
import org.broadsheet.site.SiteSettings;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /newsroom/settings}: administrators change the site settings (the store checks
 * the role and the values). A saved change shows on every page of every node at once.
 */
@Controller
class SettingsController {

	/** How many of the newest library images the logo may be chosen from. */
	private static final int IMAGES = 100;

	private final SettingsStore settings;

	private final SiteChrome chrome;

	private final MediaLibrary media;

	private final SiteSettings defaults;

	private final CommentSettings commentDefaults;

	private final NewsroomAudit audit;

	SettingsController(SettingsStore settings, SiteChrome chrome, MediaLibrary media, SiteSettings defaults,
			CommentSettings commentDefaults, NewsroomAudit audit) {
		this.settings = settings;
		this.chrome = chrome;
		this.media = media;
		this.defaults = defaults;
		this.commentDefaults = commentDefaults;
		this.audit = audit;
	}

	@GetMapping("/newsroom/settings")
	String settings(@AuthenticationPrincipal NewsroomUser user, @RequestParam(required = false) String saved,
			CsrfToken csrf, Model model) {
		Permission.MANAGE_SETTINGS.require(user.account());
		return page(model, csrf, SettingsForm.of(settings.current(), SettingsStore.SPARE_ROWS), null, saved != null);
	}

	@PostMapping("/newsroom/settings")
	String save(@AuthenticationPrincipal NewsroomUser user, SettingsForm form, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		try {
			settings.save(user.account(), form);
			return "redirect:/newsroom/settings?saved";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, csrf, form, ex, false);
		}
	}

	/**
	 * @param refused why the form was refused, or null
	 */
	private String page(Model model, CsrfToken csrf, SettingsForm form, IllegalArgumentException refused,
			boolean saved) {
		var texts = chrome.chrome();
		var trail = audit.trail(NewsroomAudit.SETTINGS, 1);
		model.addAttribute("page", new SettingsPage(texts, csrf, form, media.recent(IMAGES), defaults, commentDefaults,
				trail.isEmpty() ? null : trail.get(trail.size() - 1), refused == null ? null : refused.getMessage(),
				NewsroomPages.problems(texts, refused, SettingsPage::inputOf), saved));
		return "newsroom/settings";
	}

}
