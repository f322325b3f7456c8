package org.broadsheet.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import net.coobird.thumbnailator.Thumbnails;

/**
 * Responsive variants of an original: {@link Image#VARIANT_WIDTHS} pixels wide (only
 * those narrower than the original), JPEG for photographs and PNG for PNGs; GIFs are
 * served as they are (animation). Derived state under {@code <data>/media/variants}:
 * deleted, they are made again on request.
 */
final class Variants {

	private Variants() {
	}

	/**
	 * Makes the variant from the original if it is not there yet (a reader asked for a
	 * missing one).
	 */
	static Path ensure(Path mediaFolder, Image image, int width) {
		Path target = target(mediaFolder, image, width);
		if (Files.exists(target)) {
			return target;
		}
		return write(target, image, Thumbnails.of(mediaFolder.resolve(image.storageKey()).toFile()).width(width));
	}

	/**
	 * Makes all of an image's variants from {@code original} (its file, wherever it is
	 * now) with one decode: the widest variant first, the narrower ones from it. A large
	 * photo's decode takes seconds; three of them took three times as long.
	 */
	static void makeAll(Path original, Path mediaFolder, Image image) {
		List<Integer> widths = image.variantWidths();
		if (widths.isEmpty()) {
			return;
		}
		try {
			BufferedImage widest = Thumbnails.of(original.toFile())
				.width(widths.get(widths.size() - 1))
				.asBufferedImage();
			for (int width : widths) {
				write(target(mediaFolder, image, width), image, Thumbnails.of(widest).width(width));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make the variants of " + image.storageKey(), ex);
		}
	}

	private static Path target(Path mediaFolder, Image image, int width) {
		return mediaFolder.resolve("variants").resolve(image.variantName(width));
	}

	private static Path write(Path target, Image image, Thumbnails.Builder<?> resized) {
		Path temp = null;
		try {
			Files.createDirectories(target.getParent());
			temp = Files.createTempFile(target.getParent(), "variant", ".tmp");
			try (var out = Files.newOutputStream(temp)) {
				resized.outputQuality(0.82)
					.outputFormat(image.contentType().equals("image/png") ? "png" : "jpg")
					.toOutputStream(out);
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make the variant " + target.getFileName(), ex);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ignored) {
					// moved already, or gone
				}
			}
		}
	}

}
