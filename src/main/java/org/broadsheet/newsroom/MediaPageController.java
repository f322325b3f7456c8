package org.broadsheet.newsroom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.broadsheet.account.NewsroomUser;
import org.broadsheet.media.Image;
import org.broadsheet.media.ImageManagement;
import org.broadsheet.media.InvalidImageException;
import org.broadsheet.media.MediaBusy;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.shared.NotFound;
import org.broadsheet.site.SiteChrome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
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

import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /newsroom/media}: the media library's images, searched by their texts, and the
 * upload form; {@code /newsroom/media/{id}}: one image's default texts, where it is used,
 * and deleting it when it is used nowhere.
 */
@Controller
class MediaPageController {

	private static final Logger log = LoggerFactory.getLogger(MediaPageController.class);

	/** Images on the library page. */
	private static final int SHOWN = 200;

	private final MediaLibrary media;

	private final ImageManagement images;

	private final SiteChrome chrome;

	private final DataSize maxUpload;

	MediaPageController(MediaLibrary media, ImageManagement images, SiteChrome chrome,
			@Value("${broadsheet.media.max-upload-size:20MB}") DataSize maxUpload) {
		this.media = media;
		this.images = images;
		this.chrome = chrome;
		this.maxUpload = maxUpload;
	}

	@GetMapping("/newsroom/media")
	String library(@RequestParam(defaultValue = "") String q, CsrfToken csrf, Model model) {
		return page(model, csrf, q, null);
	}

	@PostMapping("/newsroom/media")
	String upload(@AuthenticationPrincipal NewsroomUser user, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "") String alt, @RequestParam(defaultValue = "") String caption,
			@RequestParam(defaultValue = "") String credit, CsrfToken csrf, Model model, HttpServletResponse response)
			throws IOException {
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, csrf, "", "file: choose a non-empty image file");
		}
		if (file.getSize() > maxUpload.toBytes()) {
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			return page(model, csrf, "",
					"file: " + chrome.chrome().t("media.tooLarge", maxUpload.toMegabytes() + " MB"));
		}
		try (var in = file.getInputStream()) {
			media.upload(user.account(), file.getOriginalFilename(), in, alt, caption, credit);
			return "redirect:/newsroom/media?uploaded";
		}
		catch (InvalidImageException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, csrf, "", "file: " + ex.getMessage());
		}
		catch (MediaBusy ex) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader("Retry-After", Long.toString(ex.retryAfter().toSeconds()));
			return page(model, csrf, "", "file: " + chrome.chrome().t("media.busy"));
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, csrf, "", ex.getMessage());
		}
		catch (UncheckedIOException ex) {
			// The store (an S3 bucket, the disk) failed: the upload may succeed later.
			log.warn("Upload of {} not stored: {}", file.getOriginalFilename(), ex.getMessage());
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader("Retry-After", "60");
			return page(model, csrf, "", "file: " + chrome.chrome().t("media.unavailable"));
		}
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(CsrfToken csrf, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		return page(model, csrf, "", "file: " + chrome.chrome().t("media.tooLarge", maxUpload.toMegabytes() + " MB"));
	}

	@GetMapping("/newsroom/media/{id}")
	String image(@PathVariable long id, @RequestParam(required = false) String saved, CsrfToken csrf, Model model) {
		Image image = images.byId(id).orElseThrow(() -> new NotFound("image", id));
		return imagePage(model, csrf, image, Map.of(), saved != null ? "media.saved" : null);
	}

	@PostMapping("/newsroom/media/{id}")
	String describe(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id,
			@RequestParam(defaultValue = "") String alt, @RequestParam(defaultValue = "") String caption,
			@RequestParam(defaultValue = "") String credit, CsrfToken csrf, Model model, HttpServletResponse response) {
		try {
			images.describe(user.account(), id, alt, caption, credit);
			return "redirect:/newsroom/media/" + id + "?saved";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			Image stored = images.byId(id).orElseThrow(() -> new NotFound("image", id));
			Image typed = new Image(stored.id(), stored.storageKey(), stored.contentType(), stored.width(),
					stored.height(), alt, caption, credit);
			return imagePage(model, csrf, typed, NewsroomPages.problems(chrome.chrome(), ex, field -> field), null);
		}
	}

	@PostMapping("/newsroom/media/{id}/delete")
	String delete(@AuthenticationPrincipal NewsroomUser user, @PathVariable long id, CsrfToken csrf, Model model,
			HttpServletResponse response) {
		try {
			images.delete(user.account(), id);
			return "redirect:/newsroom/media?deleted";
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			Image stored = images.byId(id).orElseThrow(() -> new NotFound("image", id));
			return imagePage(model, csrf, stored, NewsroomPages.problems(chrome.chrome(), ex, field -> "delete"), null);
		}
	}

	private String imagePage(Model model, CsrfToken csrf, Image image, Map<String, String> problems, String notice) {
		Image stored = images.byId(image.id()).orElse(image);
		model.addAttribute("page",
				new NewsroomPages.ImagePage(chrome.chrome(), csrf, image, images.uses(stored), problems, notice));
		return "newsroom/image";
	}

	private String page(Model model, CsrfToken csrf, String query, String error) {
		model.addAttribute("page", new NewsroomPages.MediaPage(chrome.chrome(), csrf, query,
				query.isBlank() ? media.recent(SHOWN) : images.search(query, SHOWN), error));
		return "newsroom/media";
	}

}
