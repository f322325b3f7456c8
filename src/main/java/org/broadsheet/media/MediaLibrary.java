package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.PerTransaction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The media library: image originals on local disk under {@code <data>/media}, named by
 * the SHA-256 of their bytes, and their metadata in the database.
 *
 * <p>
 * Storing is two steps so that no image work holds the database's write lock (SQLite has
 * one writer; a 49-megapixel photo takes seconds to decode and resize): {@link #prepare}
 * checks, cleans and hashes a file outside any transaction, and {@link #record} only
 * moves the prepared file into place and writes its row.
 */
@Service
public class MediaLibrary {

	static final String URL_PREFIX = "/media/";

	/**
	 * How long a request waits for its turn at image work before it is told to come back.
	 */
	private static final Duration WAIT = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Path folder;

	/** Image work at once: each decode can take a core and hundreds of megabytes. */
	private final Semaphore work = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

	MediaLibrary(JdbcClient jdbc, TransactionTemplate transaction, @Value("${broadsheet.data}") Path dataFolder) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.folder = dataFolder.resolve("media");
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the media folder " + folder, ex);
		}
	}

	/**
	 * @return the folder originals are kept in
	 */
	Path folder() {
		return folder;
	}

	/**
	 * Checks an image file by its content and makes it ready for {@link #record}: a JPEG
	 * loses its EXIF GPS location, and the result is hashed into a temporary file in the
	 * media folder. Slow for large photographs, so it refuses to run inside a
	 * transaction. Close the result when done.
	 * @param name for messages, e.g. the file's name
	 * @throws InvalidImageException when the file is not a JPEG, PNG, GIF or WebP image,
	 * is larger than 50 megapixels, or does not decode
	 * @throws MediaBusy when too much image work is already running
	 * @throws IllegalStateException when called inside a transaction
	 * @throws UncheckedIOException when the file cannot be read or written
	 */
	public PreparedImage prepare(Path file, String name) {
		return prepare(file, name, false);
	}

	private PreparedImage prepare(Path file, String name, boolean upload) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(
					"Image work must not run inside a transaction (it would hold the write lock)");
		}
		acquire();
		Path pending = null;
		try {
			if (upload) {
				ImageCheck.refuseSvg(file, name);
			}
			var kind = ImageCheck.inspect(file, name);
			if (upload) {
				ImageCheck.refuseMisnamed(name, kind);
			}
			pending = Files.createTempFile(folder, "pending", ".tmp");
			Files.copy(file, pending, StandardCopyOption.REPLACE_EXISTING);
			// Every way in (upload, bundle, WordPress) loses a photograph's location
			// before it is kept.
			if (kind.extension().equals("jpg")) {
				Location.remove(pending);
			}
			String hash = ImageCheck.sha256(pending);
			var prepared = new PreparedImage(pending, hash.substring(0, 2) + "/" + hash + "." + kind.extension(),
					kind.contentType(), kind.width(), kind.height());
			if (upload) {
				Variants.makeAll(pending, folder, prepared.unrecorded());
			}
			return prepared;
		}
		catch (IOException | RuntimeException ex) {
			deleteQuietly(pending);
			if (ex instanceof IOException io) {
				throw new UncheckedIOException("Cannot store " + name, io);
			}
			throw (RuntimeException) ex;
		}
		finally {
			work.release();
		}
	}

	private void acquire() {
		try {
			if (!work.tryAcquire(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
				throw new MediaBusy(Duration.ofSeconds(10));
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MediaBusy(Duration.ofSeconds(10));
		}
	}

	/**
	 * Records a prepared image with its alt text, caption and credit: moves its file into
	 * place and writes its row; fast, and meant to run inside the caller's transaction.
	 * Recording the same bytes again returns the image already stored, with the texts it
	 * was first stored with; articles keep texts of their own ({@code ImageUse}). If the
	 * transaction rolls back, a file this call moved into place is removed again.
	 * @throws UncheckedIOException when the file cannot be moved into place
	 */
	@Transactional
	public Image record(PreparedImage image, String alt, String caption, String credit) {
		String storageKey = image.storageKey();
		Path target = folder.resolve(storageKey);
		try {
			if (!Files.exists(target)) {
				Files.createDirectories(target.getParent());
				Files.move(image.pending(), target, StandardCopyOption.ATOMIC_MOVE);
				removeOnRollback(target, storageKey);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store " + storageKey, ex);
		}
		jdbc.sql("""
				INSERT INTO image (storage_key, content_type, width, height, alt, caption, credit)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (storage_key) DO NOTHING""")
			.params(storageKey, image.unrecorded().contentType(), image.unrecorded().width(),
					image.unrecorded().height(), alt == null ? "" : alt, caption, credit)
			.update();
		return jdbc.sql("SELECT * FROM image WHERE storage_key = ?").param(storageKey).query(Image.class).single();
	}

	/**
	 * Stores an image file in one call: {@link #prepare} outside any transaction, then
	 * {@link #record} in a transaction of its own.
	 * @throws InvalidImageException when the file is not an image we accept (see
	 * {@link #prepare})
	 * @throws MediaBusy when too much image work is already running
	 * @throws IllegalStateException when called inside a transaction
	 */
	public Image store(Path file, String alt, String caption, String credit) {
		try (var prepared = prepare(file, file.getFileName().toString())) {
			return transaction.execute(status -> record(prepared, alt, caption, credit));
		}
	}

	/**
	 * Takes an upload into the library: refuses SVG and anything that is not a JPEG, PNG,
	 * GIF or WebP by its content, or whose name claims another type; removes a
	 * photograph's location (EXIF GPS); makes its responsive variants; then records the
	 * original. Only the recording is a transaction.
	 * @param filename as the browser sent it; only its extension is checked against the
	 * content
	 * @param alt required: what the image shows, for readers who cannot see it
	 * @throws InvalidImageException saying what is wrong with the file
	 * @throws MediaBusy when too many images are being worked on; try again later
	 * @throws IllegalArgumentException naming the field, for a missing alt text
	 */
	public Image upload(String filename, InputStream content, String alt, String caption, String credit) {
		if (alt == null || alt.isBlank()) {
			throw new InvalidInput("alt", "media.invalid.alt");
		}
		Path received = null;
		try {
			received = Files.createTempFile(folder, "upload", ".tmp");
			Files.copy(content, received, StandardCopyOption.REPLACE_EXISTING);
			try (var prepared = prepare(received, filename, true)) {
				return transaction
					.execute(status -> record(prepared, alt.strip(), blankToNull(caption), blankToNull(credit)));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store the upload " + filename, ex);
		}
		finally {
			deleteQuietly(received);
		}
	}

	/**
	 * @return the newest images first, at most {@code limit}
	 */
	public List<Image> recent(int limit) {
		return jdbc.sql("SELECT * FROM image ORDER BY id DESC LIMIT ?").param(limit).query(Image.class).list();
	}

	/**
	 * @return the image whose original has this content hash, if any
	 */
	Optional<Image> byHash(String hash) {
		return jdbc.sql("SELECT * FROM image WHERE storage_key LIKE ?")
			.param(hash.substring(0, 2) + "/" + hash + ".%")
			.query(Image.class)
			.optional();
	}

	/**
	 * @return the images with these ids, keyed by id (one query)
	 */
	public Map<Long, Image> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT * FROM image WHERE id IN (:ids)")
			.param("ids", ids)
			.query(Image.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Image::id, Function.identity()));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static void deleteQuietly(Path file) {
		if (file == null) {
			return;
		}
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ignored) {
			// a leftover .tmp file is removed by the next start's OrphanSweep
		}
	}

	private void removeOnRollback(Path written, String storageKey) {
		PerTransaction.get(this, () -> new Written(new LinkedHashMap<>()))
			.ifPresent(w -> w.files().put(written, storageKey));
	}

	/**
	 * The files one transaction moved into place: removed again if it does not commit.
	 */
	private final class Written implements TransactionSynchronization {

		private final Map<Path, String> files;

		Written(Map<Path, String> files) {
			this.files = files;
		}

		Map<Path, String> files() {
			return files;
		}

		@Override
		public void afterCompletion(int status) {
			if (status == STATUS_COMMITTED) {
				return;
			}
			files.forEach((written, storageKey) -> {
				// Another transaction may have stored the same bytes meanwhile and kept
				// them.
				if (jdbc.sql("SELECT COUNT(*) FROM image WHERE storage_key = ?")
					.param(storageKey)
					.query(Integer.class)
					.single() == 0) {
					deleteQuietly(written);
				}
			});
		}

	}

}
