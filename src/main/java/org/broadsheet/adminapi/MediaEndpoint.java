package org.broadsheet.adminapi;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.broadsheet.account.ApiKeyActor;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.site.SiteLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The media library in the Admin API: uploads ({@code multipart/form-data} with
 * {@code file}, {@code alt}, {@code caption}, {@code credit}) checked exactly as the
 * newsroom's (JPEG, PNG, WebP or GIF that decodes, within the size limit), and the recent
 * images. Any role may upload, as in the newsroom.
 */
@RestController
@RequestMapping(AdminPaths.BASE + "/media")
class MediaEndpoint {

	private final MediaLibrary media;

	private final SiteLinks site;

	private final DataSize maxUpload;

	MediaEndpoint(MediaLibrary media, SiteLinks site,
			@Value("${broadsheet.media.max-upload-size:20MB}") DataSize maxUpload) {
		this.media = media;
		this.site = site;
		this.maxUpload = maxUpload;
	}

	/**
	 * An image of the media library.
	 *
	 * @param url absolute URL of the original
	 * @param width pixels
	 * @param height pixels
	 * @param variants narrower copies, narrowest first
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ImageJson(long id, String url, int width, int height, String alt, String caption, String credit,
			List<Variant> variants) {
	}

	/** A responsive variant: {@code width} in pixels, absolute {@code url}. */
	record Variant(int width, String url) {
	}

	@PostMapping(consumes = "multipart/form-data")
	ResponseEntity<?> upload(@AuthenticationPrincipal ApiKeyActor actor,
			@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String alt,
			@RequestParam(defaultValue = "") String caption, @RequestParam(defaultValue = "") String credit)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInput("file", "api.invalid.file");
		}
		if (file.getSize() > maxUpload.toBytes()) {
			var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
					"file: larger than " + maxUpload.toMegabytes() + " MB");
			problem.setProperty("field", "file");
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
		}
		try (var in = file.getInputStream()) {
			var image = json(media.upload(actor, file.getOriginalFilename(), in, alt, caption, credit));
			return ResponseEntity.created(URI.create(image.url())).body(image);
		}
	}

	/**
	 * @param limit 1–200
	 * @return the newest images first
	 */
	@GetMapping
	List<ImageJson> recent(@RequestParam(defaultValue = "50") int limit) {
		AdminApiErrors.requirePage(1, limit);
		return media.recent(limit).stream().map(this::json).toList();
	}

	private ImageJson json(Image image) {
		return new ImageJson(image.id(), site.absolute(image.url()), image.width(), image.height(), image.alt(),
				image.caption(), image.credit(),
				image.variants().stream().map(v -> new Variant(v.width(), site.absolute(v.url()))).toList());
	}

}
