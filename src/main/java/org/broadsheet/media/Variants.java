package org.broadsheet.media;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.coobird.thumbnailator.Thumbnails;

/**
 * Responsive variants of an original: {@link Image#VARIANT_WIDTHS} pixels wide (only
 * those narrower than the original), JPEG for photographs and PNG for PNGs; GIFs are
 * served as they are (animation). Derived state in the {@link MediaStore} under
 * {@code variants/}: deleted, they are made again on request, by whichever node is asked,
 * and stored for the others.
 */
final class Variants {

	private Variants() {
	}

	/**
	 * @return the variant's key in the store, e.g. {@code variants/3fa9…-960.jpg}
	 */
	static String key(Image image, int width) {
		return MediaStore.VARIANTS + image.variantName(width);
	}

	/**
	 * Makes the variant from the original and stores it (a reader asked for a missing
	 * one); decoding is done in {@code workFolder}.
	 * @return false when the original itself is missing
	 */
	static boolean make(MediaStore store, Path workFolder, Image image, int width) {
		var original = store.open(image.storageKey());
		if (original.isEmpty()) {
			return false;
		}
		try (var in = original.get()) {
			write(store, workFolder, image, width, Thumbnails.of(in.content()).width(width));
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + image.storageKey(), ex);
		}
	}

	/**
	 * Makes all of an image's variants from {@code original} (its file, wherever it is
	 * now) with one decode: the widest variant first, the narrower ones from it. A large
	 * photo's decode takes seconds; three of them took three times as long.
	 */
	static void makeAll(Path original, Path workFolder, MediaStore store, Image image) {
		List<Integer> widths = image.variantWidths();
		if (widths.isEmpty()) {
			return;
		}
		try {
			BufferedImage widest = Thumbnails.of(original.toFile())
				.width(widths.get(widths.size() - 1))
				.asBufferedImage();
			for (int width : widths) {
				write(store, workFolder, image, width, Thumbnails.of(widest).width(width));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make the variants of " + image.storageKey(), ex);
		}
	}

	private static void write(MediaStore store, Path workFolder, Image image, int width,
			Thumbnails.Builder<?> resized) {
		String key = key(image, width);
		Path temp = null;
		try {
			temp = Files.createTempFile(workFolder, "variant", ".tmp");
			try (var out = Files.newOutputStream(temp)) {
				resized.outputQuality(0.82)
					.outputFormat(image.contentType().equals("image/png") ? "png" : "jpg")
					.toOutputStream(out);
			}
			store.put(key, temp, MediaStore.contentType(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make the variant " + key, ex);
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
