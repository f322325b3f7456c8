package org.broadsheet.adminapi;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.broadsheet.account.ApiKeyActor;
import org.broadsheet.media.Image;
import org.broadsheet.media.ImageManagement;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.broadsheet.site.SiteLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The media library in the Admin API: uploads ({@code multipart/form-data} with
 * {@code file}, {@code alt}, {@code caption}, {@code credit}) checked exactly as the
 * newsroom's (JPEG, PNG, WebP or GIF that decodes, within the size limit), the recent
 * images or those found by their texts, one image with where it is used; editors change
 * an image's default texts and delete unused images. Any role may upload, as in the
 * newsroom.
 */
@RestController
@RequestMapping(AdminPaths.BASE + "/media")
@Tag(name = "Admin API: media", description = "The media library: uploads, search, where an image is used (any role); "
		+ "default texts and deleting unused images (editors).")
class MediaEndpoint {

	private static final String IMAGE_ID = "The image's id";

	private final MediaLibrary media;

	private final ImageManagement images;

	private final SiteLinks site;

	private final DataSize maxUpload;

	MediaEndpoint(MediaLibrary media, ImageManagement images, SiteLinks site,
			@Value("${broadsheet.media.max-upload-size:20MB}") DataSize maxUpload) {
		this.media = media;
		this.images = images;
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
	@Schema(name = "MediaImage", description = "An image of the media library.")
	record ImageJson(@Schema(requiredMode = RequiredMode.REQUIRED) long id,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = "uri",
					description = "The original's absolute URL") String url,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Pixels") int width,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Pixels") int height,
			@Schema(nullable = true) String alt, @Schema(nullable = true) String caption,
			@Schema(nullable = true) String credit,
			@Schema(requiredMode = RequiredMode.REQUIRED,
					description = "Narrower copies, narrowest first") List<Variant> variants,
			@ArraySchema(arraySchema = @Schema(description = "Where it is shown: only when one image is asked for",
					nullable = true)) List<Use> usedIn) {
	}

	/**
	 * A place that shows an image.
	 *
	 * @param kind {@code article} or {@code author}
	 * @param title a headline or an author's name
	 * @param link the newsroom page where it is edited (a path)
	 */
	@Schema(name = "MediaImageUse", description = "A place that shows the image.")
	record Use(@Schema(requiredMode = RequiredMode.REQUIRED, example = "article") String kind,
			@Schema(requiredMode = RequiredMode.REQUIRED) String title,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "/newsroom/articles/4711") String link) {
	}

	/**
	 * An image's default texts, each replaced.
	 *
	 * @param alt required
	 * @param caption null or blank for none
	 * @param credit null or blank for none
	 */
	@Schema(name = "MediaImageTexts",
			description = "An image's default texts: what articles show unless they " + "give their own.")
	record Texts(
			@Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 1000,
					example = "Cranes over the quay") String alt,
			@Schema(nullable = true, maxLength = 2000, example = "At dawn") String caption,
			@Schema(nullable = true, maxLength = 300, example = "Staff") String credit) {
	}

	/**
	 * The form of an upload; only documents the request body.
	 *
	 * @param file the image file
	 * @param alt its text alternative
	 */
	@Schema(name = "MediaUpload", description = "An image and its texts, as `multipart/form-data`.")
	record Upload(
			@Schema(requiredMode = RequiredMode.REQUIRED, type = "string", format = "binary",
					description = "A JPEG, PNG, WebP or GIF") String file,
			@Schema(requiredMode = RequiredMode.REQUIRED, description = "Its text alternative",
					example = "Cranes over the quay") String alt,
			@Schema(description = "Its caption", example = "At dawn") String caption,
			@Schema(description = "Who made it", example = "Staff") String credit) {
	}

	/** A responsive variant: {@code width} in pixels, absolute {@code url}. */
	@Schema(name = "MediaImageVariant")
	record Variant(@Schema(requiredMode = RequiredMode.REQUIRED, description = "Pixels") int width,
			@Schema(requiredMode = RequiredMode.REQUIRED, format = "uri") String url) {
	}

	@PostMapping(consumes = "multipart/form-data")
	@Operation(summary = "Upload an image",
			description = "A JPEG, PNG, WebP or GIF that decodes, within the size limit "
					+ "(`broadsheet.media.max-upload-size`, 20 MB by default), checked as the newsroom's uploads are. "
					+ "Any role.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(mediaType = "multipart/form-data",
							schema = @Schema(implementation = Upload.class))))
	@ApiResponse(responseCode = "201", description = "Stored; `Location` is the original's URL",
			headers = @Header(name = "Location", description = "The original's absolute URL",
					schema = @Schema(type = "string", format = "uri")),
			content = @Content(schema = @Schema(implementation = ImageJson.class),
					examples = @ExampleObject(name = "image", value = AdminApiExamples.IMAGE)))
	@AdminApiResponses.BadRequest
	@ApiResponse(responseCode = "413", ref = AdminApiDocument.TOO_LARGE)
	@AdminApiResponses.Invalid
	@ApiResponse(responseCode = "503", ref = AdminApiDocument.UNAVAILABLE)
	ResponseEntity<?> upload(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(hidden = true) @RequestParam(required = false) MultipartFile file,
			@Parameter(hidden = true) @RequestParam(defaultValue = "") String alt,
			@Parameter(hidden = true) @RequestParam(defaultValue = "") String caption,
			@Parameter(hidden = true) @RequestParam(defaultValue = "") String credit) throws IOException {
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
			var image = json(media.upload(actor, file.getOriginalFilename(), in, alt, caption, credit), null);
			return ResponseEntity.created(URI.create(image.url())).body(image);
		}
	}

	/**
	 * @param q words that the alt text, caption or credit must all contain; blank for any
	 * @param limit 1–200
	 * @return the newest images first
	 */
	@GetMapping
	@Operation(summary = "List or search images",
			description = "Newest first; with `q`, those whose alt text, caption or credit contains every word. "
					+ "Any role.")
	@ApiResponse(responseCode = "200", description = "The newest images",
			content = @Content(array = @ArraySchema(schema = @Schema(implementation = ImageJson.class)),
					examples = @ExampleObject(name = "images", value = AdminApiExamples.IMAGES)))
	@AdminApiResponses.BadRequest
	List<ImageJson> recent(
			@Parameter(description = "Words to find in the texts",
					example = "quay") @RequestParam(defaultValue = "") String q,
			@Parameter(description = "How many, 1 to 200",
					schema = @Schema(type = "integer", minimum = "1", maximum = "200")) @RequestParam(
							defaultValue = "50") int limit) {
		AdminApiErrors.requirePage(1, limit);
		return (q.isBlank() ? media.recent(limit) : images.search(q, limit)).stream()
			.map(image -> json(image, null))
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an image", description = "With every place that shows it. Any role.")
	@ApiResponse(responseCode = "200", description = "The image",
			content = @Content(schema = @Schema(implementation = ImageJson.class),
					examples = @ExampleObject(name = "image", value = AdminApiExamples.IMAGE_USED)))
	@AdminApiResponses.Lookup
	ImageJson image(@Parameter(description = IMAGE_ID, example = "312") @PathVariable long id) {
		return detailed(find(id));
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change an image's texts",
			description = "Its default alt text, caption and credit, shown wherever an article does not give its "
					+ "own. Editors and administrators.")
	@ApiResponse(responseCode = "200", description = "The image as it now is",
			content = @Content(schema = @Schema(implementation = ImageJson.class),
					examples = @ExampleObject(name = "image", value = AdminApiExamples.IMAGE_USED)))
	@AdminApiResponses.Change
	ImageJson describe(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = IMAGE_ID, example = "312") @PathVariable long id, @RequestBody Texts body) {
		return detailed(images.describe(actor, id, body.alt(), body.caption(), body.credit()));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an unused image",
			description = "Only an image that no article or author shows (409 otherwise); its files go too. "
					+ "Editors and administrators.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@AdminApiResponses.Lookup
	@ApiResponse(responseCode = "409", ref = AdminApiDocument.CONFLICT)
	void delete(@AuthenticationPrincipal ApiKeyActor actor,
			@Parameter(description = IMAGE_ID, example = "312") @PathVariable long id) {
		images.delete(actor, id);
	}

	private Image find(long id) {
		return images.byId(id).orElseThrow(() -> new NotFound("image", id));
	}

	private ImageJson detailed(Image image) {
		return json(image, images.uses(image).stream().map(u -> new Use(u.kind(), u.title(), u.link())).toList());
	}

	private ImageJson json(Image image, List<Use> uses) {
		return new ImageJson(image.id(), site.absolute(image.url()), image.width(), image.height(), image.alt(),
				image.caption(), image.credit(),
				image.variants().stream().map(v -> new Variant(v.width(), site.absolute(v.url()))).toList(), uses);
	}

}
