package org.broadsheet.newsroom;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.broadsheet.account.NewsroomUser;
import org.broadsheet.media.InvalidImageException;
import org.broadsheet.media.MediaBusy;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.site.SiteChrome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;

/** {@code /newsroom/media}: the media library's images and the upload form. */
@Controller
class MediaPageController {

	private static final Logger log = LoggerFactory.getLogger(MediaPageController.class);

	private final MediaLibrary media;

	private final SiteChrome chrome;

	private final DataSize maxUpload;

	MediaPageController(MediaLibrary media, SiteChrome chrome,
			@Value("${broadsheet.media.max-upload-size:20MB}") DataSize maxUpload) {
		this.media = media;
		this.chrome = chrome;
		this.maxUpload = maxUpload;
	}

	@GetMapping("/newsroom/media")
	String library(CsrfToken csrf, Model model) {
		return page(model, csrf, null);
	}

	@PostMapping("/newsroom/media")
	String upload(@AuthenticationPrincipal NewsroomUser user, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "") String alt, @RequestParam(defaultValue = "") String caption,
			@RequestParam(defaultValue = "") String credit, CsrfToken csrf, Model model, HttpServletResponse response)
			throws IOException {
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, csrf, "file: choose a non-empty image file");
		}
		if (file.getSize() > maxUpload.toBytes()) {
			response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
			return page(model, csrf, "file: " + chrome.chrome().t("media.tooLarge", maxUpload.toMegabytes() + " MB"));
		}
		try (var in = file.getInputStream()) {
			media.upload(user.account(), file.getOriginalFilename(), in, alt, caption, credit);
			return "redirect:/newsroom/media?uploaded";
		}
		catch (InvalidImageException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, csrf, "file: " + ex.getMessage());
		}
		catch (MediaBusy ex) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader("Retry-After", Long.toString(ex.retryAfter().toSeconds()));
			return page(model, csrf, "file: " + chrome.chrome().t("media.busy"));
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(model, csrf, ex.getMessage());
		}
		catch (UncheckedIOException ex) {
			// The store (an S3 bucket, the disk) failed: the upload may succeed later.
			log.warn("Upload of {} not stored: {}", file.getOriginalFilename(), ex.getMessage());
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader("Retry-After", "60");
			return page(model, csrf, "file: " + chrome.chrome().t("media.unavailable"));
		}
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	String tooLarge(CsrfToken csrf, Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
		return page(model, csrf, "file: " + chrome.chrome().t("media.tooLarge", maxUpload.toMegabytes() + " MB"));
	}

	private String page(Model model, CsrfToken csrf, String error) {
		model.addAttribute("page", new NewsroomPages.MediaPage(chrome.chrome(), csrf, media.recent(200), error));
		return "newsroom/media";
	}

}
