package org.broadsheet.media;

import java.util.List;
import java.util.StringJoiner;
import java.util.stream.IntStream;

/**
 * A stored image and what is said about it.
 *
 * @param storageKey path below the media folder, e.g. {@code 3f/3fa9….jpg};
 * content-addressed
 * @param contentType the detected MIME type, e.g. {@code image/jpeg}
 * @param width pixels
 * @param height pixels
 * @param alt text alternative for readers who cannot see it; never null
 * @param caption what it shows; may be null
 * @param credit who made or supplied it (photographer, agency); may be null
 */
public record Image(long id, String storageKey, String contentType, int width, int height, String alt, String caption,
		String credit) {

	/**
	 * @return this image with the given texts in place of its own: null keeps the image's
	 * text, an empty string means none (the alt text stays, as it is required)
	 */
	public Image describedAs(String alt, String caption, String credit) {
		return new Image(id, storageKey, contentType, width, height, alt == null || alt.isEmpty() ? this.alt : alt,
				pick(caption, this.caption), pick(credit, this.credit));
	}

	private static String pick(String override, String own) {
		return override == null ? own : override.isEmpty() ? null : override;
	}

	/**
	 * Typical display width of lead images: the article column on wide screens, the
	 * screen otherwise.
	 */
	public static final String SIZES = "(min-width: 50rem) 42rem, 100vw";

	/** Widths of the responsive variants ({@link Variants}), in CSS pixels at 1×. */
	static final int[] VARIANT_WIDTHS = { 480, 960, 1600 };

	/**
	 * @return the widths this image has variants at (those narrower than it; none for a
	 * GIF), narrowest first
	 */
	List<Integer> variantWidths() {
		if (contentType.equals("image/gif")) {
			return List.of();
		}
		return IntStream.of(VARIANT_WIDTHS).filter(w -> w < width).boxed().toList();
	}

	/**
	 * @return the variant's file name, e.g. {@code 3fa9…-960.jpg}
	 */
	String variantName(int variantWidth) {
		String hash = storageKey.substring(storageKey.indexOf('/') + 1, storageKey.lastIndexOf('.'));
		return hash + "-" + variantWidth + (contentType.equals("image/png") ? ".png" : ".jpg");
	}

	/**
	 * @return the {@code srcset} value: each variant and the original with their widths
	 * in pixels
	 */
	public String srcset() {
		var candidates = new StringJoiner(", ");
		for (Variant variant : variants()) {
			candidates.add(variant.url() + " " + variant.width() + "w");
		}
		candidates.add(url() + " " + width + "w");
		return candidates.toString();
	}

	/**
	 * A responsive variant of the image.
	 *
	 * @param width pixels
	 * @param url the path it is served at
	 */
	public record Variant(int width, String url) {
	}

	/**
	 * @return the variants, narrowest first (none for a GIF or an image narrower than the
	 * narrowest variant)
	 */
	public List<Variant> variants() {
		return variantWidths().stream()
			.map(w -> new Variant(w, MediaLibrary.URL_PREFIX + "variants/" + variantName(w)))
			.toList();
	}

	/**
	 * @return the path it is served at
	 */
	public String url() {
		return MediaLibrary.URL_PREFIX + storageKey;
	}

}
