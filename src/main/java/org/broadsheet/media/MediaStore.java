package org.broadsheet.media;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where image originals and their variants are kept, by key: an original at
 * {@code <first two hex digits>/<sha256>.<ext>} ({@link Image#storageKey()}), a variant
 * at {@code variants/<sha256>-<width>.<ext>}. {@link LocalMediaStore} keeps them in
 * {@code <data>/media} (the default, one node); {@link S3MediaStore} in an S3 bucket that
 * every node shares ({@code broadsheet.media.store=s3}). Failures to reach the store are
 * {@link UncheckedIOException}s.
 */
interface MediaStore {

	/** Where variants live below the store's root. */
	String VARIANTS = "variants/";

	/**
	 * Stores {@code file} under {@code key}, replacing what was there (keys name their
	 * content, so it was the same bytes). The file may be moved away; the caller removes
	 * it if it is still there. May be slow (an upload): never call it inside a database
	 * transaction.
	 * @param contentType the MIME type, e.g. {@code image/jpeg}
	 */
	void put(String key, Path file, String contentType);

	/**
	 * @return the object's bytes, size and time, or empty when there is no such object;
	 * close it when done
	 */
	Optional<MediaStream> open(String key);

	/**
	 * @return the object's size and time, or empty when there is no such object
	 */
	Optional<StoredObject> stat(String key);

	/** Removes the object if there is one. */
	void delete(String key);

	/**
	 * @return every object in the store, in no particular order, read as the stream is
	 * consumed (close it)
	 */
	Stream<StoredObject> list();

	/**
	 * @return why the store cannot be used now (for the health check), or empty when it
	 * can; answers within a few seconds
	 */
	Optional<String> problem();

	/**
	 * @return whether other nodes write to this store too (a bucket): then originals are
	 * stored before the transaction that records them, and nothing is removed when that
	 * transaction rolls back, since another node may be recording the same bytes; the
	 * orphan sweep removes what no row references after its grace period; false unless
	 * the store says so
	 */
	default boolean shared() {
		return false;
	}

	/**
	 * @return the MIME type an object is served with, from its key's extension
	 * ({@code jpg}, {@code png}, {@code gif}, {@code webp})
	 */
	static String contentType(String key) {
		String extension = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		return switch (extension) {
			case "png" -> "image/png";
			case "gif" -> "image/gif";
			case "webp" -> "image/webp";
			default -> "image/jpeg";
		};
	}

	/**
	 * @return whether {@code key} names an original ({@code 3f/3fa9….jpg}) rather than a
	 * variant or anything else
	 */
	static boolean isOriginal(String key) {
		return key.matches("[0-9a-f]{2}/[0-9a-f]{64}\\.(jpg|png|gif|webp)") && key.startsWith(key.substring(3, 5));
	}

	/**
	 * @param original an original's key ({@code 3f/3fa9….jpg})
	 * @return the keys of every variant the original can have ({@link Variants}), whether
	 * made or not
	 */
	static java.util.List<String> variantKeys(String original) {
		String hash = original.substring(3, original.lastIndexOf('.'));
		String extension = original.endsWith(".png") ? ".png" : ".jpg";
		return java.util.Arrays.stream(Image.VARIANT_WIDTHS)
			.mapToObj(w -> VARIANTS + hash + "-" + w + extension)
			.toList();
	}

}
