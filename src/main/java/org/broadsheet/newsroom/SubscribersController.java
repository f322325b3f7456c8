package org.broadsheet.newsroom;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.NewsroomUser;
import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.admin.ImportReport;
import org.broadsheet.newsletter.admin.SubscriberActions;
import org.broadsheet.newsletter.admin.SubscriberImport;
import org.broadsheet.newsletter.admin.SubscriberRecords.Search;
import org.broadsheet.newsletter.admin.SubscriberStatus;
import org.broadsheet.newsletter.admin.Subscribers;
import org.broadsheet.newsletter.digest.ListCadences;
import org.broadsheet.newsletter.sending.DigestSends;
import org.broadsheet.shared.Conflict;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.site.SiteChrome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /newsroom/subscribers}: the newsletter lists with their counts, a search of
 * subscribers (keyset pages, newest first) and the import of a CSV list;
 * {@code /newsroom/subscribers/{id}}: one subscriber's lists, status, consent record and
 * deliveries, with pause, resume, unsubscribe, export and delete;
 * {@code /newsroom/subscribers/cadence}: how often a list is sent (each article, daily or
 * weekly digest), with the latest digest sends on the list page. Editors and
 * administrators ({@code newsletter.admin} checks the permission and audits).
 */
@Controller
class SubscribersController {

	private final Subscribers subscribers;

	private final SubscriberActions actions;

	private final SubscriberImport imports;

	private final SiteChrome chrome;

	private final ListCadences cadences;

	private final DigestSends digests;

	private final DataSize maxImport;

	SubscribersController(Subscribers subscribers, SubscriberActions actions, SubscriberImport imports,
			SiteChrome chrome, ListCadences cadences, DigestSends digests,
			@Value("${broadsheet.newsletter.import.max-size:10MB}") DataSize maxImport) {
		this.subscribers = subscribers;
		this.cadences = cadences;
		this.digests = digests;
		this.actions = actions;
		this.imports = imports;
		this.chrome = chrome;
		this.maxImport = maxImport;
	}

	@GetMapping("/newsroom/subscribers")
	String list(@AuthenticationPrincipal NewsroomUser user, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String list,
			@RequestParam(required = false) Long before, @RequestParam(required = false) String deleted,
			@RequestParam(required = false) String cadence, CsrfToken csrf, Model model, HttpServletResponse response) {
		var form = new SubscriberPages.SearchForm(q, status, list);
		Search search;
		try {
			search = new Search(q, status.isEmpty() ? null : status(status),
					list.isEmpty() ? null : ListKey.parse("list", list), before);
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(user, csrf, model, form, Search.ALL, null, null,
					ex.field() + ": " + chrome.chrome().t(ex.key(), ex.arguments()));
		}
		String notice = deleted != null ? "subscribers.deleted" : cadence != null ? "subscribers.cadence.saved" : null;
		return page(user, csrf, model, form, search, null, notice, null);
	}

	@PostMapping("/newsroom/subscribers/cadence")
	String cadence(@AuthenticationPrincipal NewsroomUser user, @RequestParam(required = false) String list,
			@RequestParam(required = false) String cadence, CsrfToken csrf, Model model, HttpServletResponse response) {
		try {
			cadences.set(user.account(), list, cadence);
			return "redirect:/newsroom/subscribers?cadence";
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(user, csrf, model, null, ex.field() + ": " + chrome.chrome().t(ex.key(), ex.arguments()));
		}
	}

	@PostMapping("/newsroom/subscribers/import")
	String importCsv(@AuthenticationPrincipal NewsroomUser user, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) List<String> lists, CsrfToken csrf, Model model,
			HttpServletResponse response) throws IOException {
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(user, csrf, model, null, "file: " + chrome.chrome().t("subscribers.import.empty"));
		}
		if (file.getSize() > maxImport.toBytes()) {
			return tooLarge(user, csrf, model, response);
		}
		try (var in = file.getInputStream()) {
			Set<ListKey> chosen = new LinkedHashSet<>();
			for (String key : lists == null ? List.<String>of() : lists) {
				chosen.add(ListKey.parse("lists", key));
			}
			ImportReport report = imports.importCsv(user.account(), file.getOriginalFilename(), in, chosen);
			return page(user, csrf, model, report, null);
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(user, csrf, model, null, ex.field() + ": " + chrome.chrome().t(ex.key(), ex.arguments()));
		}
	}

	/** A file over the servlet's own limit never reaches {@link #importCsv}. */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(@AuthenticationPrincipal NewsroomUser user, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		return page(user, csrf, model, null,
				"file: " + chrome.chrome().t("subscribers.import.tooLarge", maxImport.toMegabytes() + " MB"));
	}

	@GetMapping("/newsroom/subscribers/{id}")
	String subscriber(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			@RequestParam(required = false) String done, CsrfToken csrf, Model model) {
		return subscriberPage(user, id, csrf, model, done == null ? null : notice(done), null);
	}

	@PostMapping("/newsroom/subscribers/{id}/{action:pause|resume|unsubscribe}")
	String change(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, @PathVariable String action,
			CsrfToken csrf, Model model, HttpServletResponse response) {
		try {
			switch (action) {
				case "pause" -> actions.pause(user.account(), id);
				case "resume" -> actions.resume(user.account(), id);
				default -> actions.unsubscribe(user.account(), id);
			}
			return "redirect:/newsroom/subscribers/" + id + "?done=" + action;
		}
		catch (InvalidInput ex) {
			response.setStatus(ex instanceof Conflict ? HttpStatus.CONFLICT.value() : HttpStatus.BAD_REQUEST.value());
			return subscriberPage(user, id, csrf, model, null, chrome.chrome().t(ex.key(), ex.arguments()));
		}
	}

	@PostMapping("/newsroom/subscribers/{id}/export")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
		byte[] json = actions.export(user.account(), id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("subscriber-" + id + ".json").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(json);
	}

	@PostMapping("/newsroom/subscribers/{id}/delete")
	String delete(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id) {
		actions.delete(user.account(), id);
		return "redirect:/newsroom/subscribers?deleted";
	}

	private static SubscriberStatus status(String key) {
		try {
			return SubscriberStatus.of(key);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("status", "subscribers.invalid.filter");
		}
	}

	private static String notice(String done) {
		return switch (done) {
			case "pause" -> "subscribers.paused";
			case "resume" -> "subscribers.resumed";
			case "unsubscribe" -> "subscribers.unsubscribed";
			default -> null;
		};
	}

	private String page(NewsroomUser user, CsrfToken csrf, Model model, ImportReport report, String error) {
		return page(user, csrf, model, SubscriberPages.SearchForm.EMPTY, Search.ALL, report, null, error);
	}

	private String page(NewsroomUser user, CsrfToken csrf, Model model, SubscriberPages.SearchForm form, Search search,
			ImportReport report, String notice, String error) {
		var actor = user.account();
		model.addAttribute("page",
				new SubscriberPages.ListsPage(chrome.chrome(), csrf, subscribers.lists(actor),
						subscribers.choosable(actor), cadences.cadences(actor), digests.recent(actor), form,
						subscribers.search(actor, search), search.before() == null, maxImport.toMegabytes(), report,
						notice, error));
		return "newsroom/subscribers";
	}

	private String subscriberPage(NewsroomUser user, long id, CsrfToken csrf, Model model, String notice,
			String error) {
		var actor = user.account();
		model.addAttribute("page", new SubscriberPages.SubscriberPage(chrome.chrome(), csrf,
				subscribers.find(actor, id), subscribers.choosable(actor), notice, error));
		return "newsroom/subscriber";
	}

}
