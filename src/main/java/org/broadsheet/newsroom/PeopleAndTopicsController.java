package org.broadsheet.newsroom;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.NewsroomUser;
import org.broadsheet.author.Authors;
import org.broadsheet.author.FormerStaff;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.site.SiteChrome;
import org.broadsheet.taxonomy.Taxonomy;
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
 * Authors' profiles, sections and tags in the newsroom (editors change them; the services
 * check).
 */
@Controller
class PeopleAndTopicsController {

	private final Authors authors;

	private final Taxonomy taxonomy;

	private final MediaLibrary media;

	private final SiteChrome chrome;

	private final FormerStaff formerStaff;

	PeopleAndTopicsController(Authors authors, Taxonomy taxonomy, MediaLibrary media, SiteChrome chrome,
			FormerStaff formerStaff) {
		this.formerStaff = formerStaff;
		this.authors = authors;
		this.taxonomy = taxonomy;
		this.media = media;
		this.chrome = chrome;
	}

	@GetMapping("/newsroom/authors")
	String authors(CsrfToken csrf, Model model) {
		return page(model, csrf, null, Map.of());
	}

	@PostMapping("/newsroom/authors/{id}")
	String saveAuthor(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String affiliation,
			@RequestParam(defaultValue = "") String bio, @RequestParam(defaultValue = "") String photo,
			@RequestParam(defaultValue = "") String links, CsrfToken csrf, Model model, HttpServletResponse response) {
		try {
			if (!photo.isBlank() && !photo.strip().matches("\\d{1,18}")) {
				throw new InvalidInput("photo", "media.invalid.choose");
			}
			Long photoId = photo.isBlank() ? null : Long.valueOf(photo.strip());
			authors.updateProfile(user.account(), id, title, affiliation, bio, photoId, links);
			return "redirect:/newsroom/authors?saved=" + id;
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			// The profile form's inputs are named after the fields, with the author's id.
			return page(model, csrf, ex.getMessage(),
					NewsroomPages.problems(chrome.chrome(), ex, field -> field + "-" + id));
		}
	}

	@PostMapping("/newsroom/{kind:section|tag}s/{id}")
	String rename(@AuthenticationPrincipal NewsroomUser user, @PathVariable String kind, @PathVariable long id,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "false") boolean opinion,
			@RequestParam(defaultValue = "false") boolean fediverse, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		try {
			taxonomy.rename(user.account(), kind, id, name, opinion, fediverse);
			return "redirect:/newsroom/authors?saved";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, csrf, ex.getMessage(),
					NewsroomPages.problems(chrome.chrome(), ex, field -> kind + "-" + field + "-" + id));
		}
	}

	private String page(Model model, CsrfToken csrf, String error, Map<String, String> problems) {
		model.addAttribute("page", new NewsroomPages.PeoplePage(chrome.chrome(), csrf, authors.all(),
				taxonomy.sections(), taxonomy.tags(), media.recent(200), error, problems, formerStaff.ids()));
		return "newsroom/people";
	}

}
