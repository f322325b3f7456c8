package org.broadsheet.interchange.wordpress;

import static org.broadsheet.interchange.wordpress.WxrValues.attachedFile;
import static org.broadsheet.interchange.wordpress.WxrValues.attachmentUrl;
import static org.broadsheet.interchange.wordpress.WxrValues.blankToNull;
import static org.broadsheet.interchange.wordpress.WxrValues.firstDate;
import static org.broadsheet.interchange.wordpress.WxrValues.plainLine;

import java.io.IOException;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.broadsheet.article.ImageUse;
import org.broadsheet.interchange.wordpress.WordPressReport.Kind;
import org.broadsheet.media.Image;
import org.broadsheet.media.InvalidImageException;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.media.PreparedImage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The attachments of one WordPress import: their metadata always, their files from the
 * local uploads folder when given (never from the network, never outside that folder),
 * and featured images as lead images. A file that is not an image is reported and its
 * metadata kept.
 */
final class WordPressMedia {

	private final MediaLibrary media;

	private final WordPressAttachments attachments;

	private final WordPressReport report;

	/** The uploads folder, or null. */
	private final Path uploads;

	/** Attachment post id → the attachment, from the first pass. */
	private final Map<String, Wxr.Item> attachmentsById;

	private final Savepoints savepoints;

	/**
	 * Attachment post id → its file, checked before the transaction; absent when it has
	 * no usable file.
	 */
	private final Map<String, PreparedImage> prepared = new HashMap<>();

	/** The attachment id in the class WordPress gives an attachment's image. */
	private static final Pattern WP_IMAGE = Pattern.compile("(?:^|\\s)wp-image-(\\d+)");

	WordPressMedia(MediaLibrary media, WordPressAttachments attachments, WordPressReport report, Path uploads,
			Map<String, Wxr.Item> attachmentsById, Savepoints savepoints) {
		this.media = media;
		this.attachments = attachments;
		this.report = report;
		this.uploads = uploads;
		this.attachmentsById = attachmentsById;
		this.savepoints = savepoints;
	}

	/**
	 * @return the post's featured image as its lead image, stored in the media library
	 * first; null when it has none, or its file is missing or not an image (reported)
	 */
	ImageUse leadImage(Wxr.Item item, String where) {
		String thumbnail = item.meta("_thumbnail_id").strip();
		if (thumbnail.isEmpty()) {
			return null;
		}
		Wxr.Item attachment = attachmentsById.get(thumbnail);
		if (attachment == null) {
			report.note(where + ": featured image " + thumbnail + " is not in the file");
			report.changed("featured image missing from the file → none");
			return null;
		}
		long imageId = imageOf(attachment);
		if (imageId < 0) {
			report.changed("featured image without its file → metadata only");
			return null;
		}
		String alt = plainLine(attachment.meta("_wp_attachment_image_alt"));
		String caption = plainLine(attachment.excerpt());
		report.changed("featured image → lead image");
		return new ImageUse(imageId, alt.isEmpty() ? null : alt, caption.isEmpty() ? null : caption, null);
	}

	/**
	 * Checks every attachment's file and makes it ready to record, before the import's
	 * transaction: decoding photos inside it would hold the write lock all the longer. A
	 * file that is missing or not an image is reported once and its attachment keeps its
	 * metadata only.
	 * @param progress told the number of attachments done and their total
	 */
	void prepareFiles(ImportProgress progress) {
		if (uploads == null) {
			return;
		}
		long done = 0;
		for (Wxr.Item attachment : attachmentsById.values()) {
			String id = attachment.postId().strip();
			Path found = localFile(attachment);
			if (found != null) {
				try {
					prepared.put(id, media.prepare(found, found.getFileName().toString()));
				}
				catch (InvalidImageException ex) {
					report.note("line " + attachment.line() + " attachment " + id + ": " + ex.getMessage()
							+ " (metadata kept)");
				}
			}
			progress.update("images", ++done, attachmentsById.size());
		}
	}

	/** Removes the checked files that no savepoint recorded (their temporary copies). */
	void discardUnrecorded() {
		prepared.values().forEach(PreparedImage::close);
	}

	/**
	 * @return the attachment's image in the media library, recording it first; -1 when it
	 * has no usable file
	 */
	private long imageOf(Wxr.Item attachment) {
		Image image = libraryImage(attachment);
		return image == null ? -1 : image.id();
	}

	/**
	 * @return the attachment's image in the media library, recording it first; null when
	 * it has no usable file
	 */
	private Image libraryImage(Wxr.Item attachment) {
		PreparedImage file = prepared.get(attachment.postId().strip());
		// Recorded again for each use: the library finds the same bytes by their hash,
		// and an id kept here could outlive a savepoint that rolled its row back.
		return file == null ? null : media.record(file, plainLine(attachment.meta("_wp_attachment_image_alt")),
				blankToNull(plainLine(attachment.excerpt())), null);
	}

	/**
	 * Makes a post's pictures library images: each {@code [gallery ids="…"]} (marked by
	 * {@link WordPressContent}) becomes a paragraph of its attachments' images, and an
	 * image WordPress marked as an attachment's ({@code class="wp-image-12"}) is served
	 * from the library. An image without alt text gets its attachment's, else the
	 * library's, else its caption (imports never fail for a missing alt text).
	 * @param html the post's HTML from {@link WordPressContent#toHtml}
	 * @return the HTML with those images
	 */
	String bodyImages(String html, String where) {
		Document document = Jsoup.parseBodyFragment(html);
		document.outputSettings().prettyPrint(false);
		for (Element gallery : document.select("p[" + WordPressContent.GALLERY + "]")) {
			String ids = gallery.attr(WordPressContent.GALLERY);
			gallery.removeAttr(WordPressContent.GALLERY);
			for (String id : ids.split("\\s*,\\s*")) {
				Wxr.Item attachment = attachmentsById.get(id.strip());
				if (attachment == null) {
					report.note(where + ": gallery image " + id.strip() + " is not in the file");
					continue;
				}
				gallery.appendElement("img").attr("src", attachmentUrl(attachment));
				gallery.appendText(" ");
				gallery.children().last().addClass("wp-image-" + id.strip());
			}
			if (gallery.children().isEmpty()) {
				gallery.remove();
			}
		}
		for (Element img : document.select("img[class~=(^|\\s)wp-image-\\d+]")) {
			Matcher id = WP_IMAGE.matcher(img.className());
			if (!id.find()) {
				continue;
			}
			Wxr.Item attachment = attachmentsById.get(id.group(1));
			img.removeClass("wp-image-" + id.group(1));
			if (img.classNames().isEmpty()) {
				img.removeAttr("class");
			}
			if (attachment == null) {
				continue;
			}
			Image image = libraryImage(attachment);
			if (image != null) {
				img.attr("src", image.url());
			}
			if (img.attr("alt").isBlank()) {
				String alt = plainLine(attachment.meta("_wp_attachment_image_alt"));
				alt = !alt.isBlank() ? alt : image != null ? image.alt() : "";
				alt = !alt.isBlank() ? alt : plainLine(attachment.excerpt());
				img.attr("alt", alt);
			}
		}
		return document.body().html();
	}

	/**
	 * @return the attachment's file in the uploads folder, or null when there is none
	 */
	private Path localFile(Wxr.Item attachment) {
		if (uploads == null) {
			return null;
		}
		String relative = attachedFile(attachment);
		if (relative.isEmpty()) {
			return null;
		}
		Path root = uploads.toAbsolutePath().normalize();
		Path candidate = root.resolve(relative).normalize();
		Path real = candidate.startsWith(root) && Files.isRegularFile(candidate) ? realInside(root, candidate) : null;
		if (real == null) {
			report.note("line " + attachment.line() + " attachment " + attachment.postId().strip() + ": no file "
					+ relative + " in the uploads folder (metadata kept)");
		}
		return real;
	}

	/**
	 * @return the file's real path when it is inside the folder's (a link out of it is
	 * not), else null
	 */
	private static Path realInside(Path folder, Path file) {
		try {
			Path real = file.toRealPath();
			return real.startsWith(folder.toRealPath()) ? real : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Records the attachment (metadata always, its file when found), under {@code key}.
	 */
	void importAttachment(Wxr.Item attachment, String key, Long articleId) {
		String where = "line " + attachment.line() + " attachment " + attachment.postId().strip();
		savepoints.run(Kind.ATTACHMENT, where, () -> {
			long imageId = imageOf(attachment);
			String relative = attachedFile(attachment);
			Instant uploaded = firstDate(attachment.postDateGmt(), attachment.postDate(), attachment.pubDate());
			var saved = attachments.save(new WordPressAttachments.Row(0, key, articleId, imageId < 0 ? null : imageId,
					blankToNull(plainLine(attachment.title())), blankToNull(attachmentUrl(attachment)),
					blankToNull(relative), relative.isEmpty() ? null : URLConnection.guessContentTypeFromName(relative),
					blankToNull(plainLine(attachment.meta("_wp_attachment_image_alt"))),
					blankToNull(plainLine(attachment.excerpt())), blankToNull(attachment.content().strip()),
					uploaded == null ? null : uploaded.toEpochMilli()));
			switch (saved) {
				case CREATED -> report.created(Kind.ATTACHMENT);
				case UPDATED -> report.updated(Kind.ATTACHMENT);
				case UNCHANGED -> report.unchanged(Kind.ATTACHMENT);
			}
			report.changed(imageId < 0 ? "attachment → metadata only (no file)" : "attachment → media library");
		});
	}

}
