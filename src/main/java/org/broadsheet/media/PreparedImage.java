package org.broadsheet.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An image file checked, cleaned of its location and hashed by
 * {@link MediaLibrary#prepare}, outside any transaction, waiting under a temporary name
 * in the media folder for {@link MediaLibrary#record}. Closing it removes the temporary
 * file if no record took it; a crash leaves only a {@code .tmp} file, which the startup
 * sweep ({@code OrphanSweep}) removes.
 */
public final class PreparedImage implements AutoCloseable {

	private final Path pending;

	private final String storageKey;

	private final String contentType;

	private final int width;

	private final int height;

	PreparedImage(Path pending, String storageKey, String contentType, int width, int height) {
		this.pending = pending;
		this.storageKey = storageKey;
		this.contentType = contentType;
		this.width = width;
		this.height = height;
	}

	Path pending() {
		return pending;
	}

	/**
	 * @return where the original will live below the media folder, e.g.
	 * {@code 3f/3fa9….jpg}
	 */
	public String storageKey() {
		return storageKey;
	}

	/**
	 * @return the image as it will be recorded, without id or texts (for naming its
	 * variants)
	 */
	Image unrecorded() {
		return new Image(0, storageKey, contentType, width, height, "", null, null);
	}

	/**
	 * Removes the temporary file when {@link MediaLibrary#record} did not move it into
	 * place.
	 */
	@Override
	public void close() {
		try {
			Files.deleteIfExists(pending);
		}
		catch (IOException ignored) {
			// a leftover .tmp file is removed by the next start's OrphanSweep
		}
	}

}
