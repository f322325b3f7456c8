package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.account.Actor;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.PerTransaction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The media library: image originals in the {@link MediaStore} (a folder,
 * {@code <data>/media}, or an S3 bucket), named by the SHA-256 of their bytes, and their
 * metadata in the database.
 *
 * <p>
 * Storing is two steps so that no image work, and no upload, holds the database's write
 * lock (SQLite has one writer; a 49-megapixel photo takes seconds to decode and resize):
 * {@link #prepare} checks, cleans and hashes a file outside any transaction (and, to a
 * shared store, uploads it), and {@link #record} only writes its row (and, in the local
 * folder, moves the prepared file into place). So an original is stored before the row
 * that names it commits; a crash between the two leaves an orphan that
 * {@link OrphanSweep} removes.
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

	/** Where uploads and prepared files wait, and variants are made. */
	private final Path folder;

	private final MediaStore store;

	/** Image work at once: each decode can take a core and hundreds of megabytes. */
	private final Semaphore work = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

	private final NewsroomAudit audit;

	private final ApplicationEventPublisher events;

	MediaLibrary(JdbcClient jdbc, TransactionTemplate transaction, @Value("${broadsheet.data}") Path dataFolder,
			MediaStore store, NewsroomAudit audit, ApplicationEventPublisher events) {
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.store = store;
		this.folder = dataFolder.resolve("media");
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the media folder " + folder, ex);
		}
	}

	/**
	 * @return the local folder where files wait and are worked on ({@code *.tmp}); with
	 * the local store, also where originals and variants are kept
	 */
	Path folder() {
		return folder;
	}

	MediaStore store() {
		return store;
	}

	/**
	 * Checks an image file by its content and makes it ready for {@link #record}: a JPEG
	 * loses its EXIF GPS location, and the result is hashed into a temporary file in the
	 * media folder; a shared store (S3) receives it now. Slow for large photographs, so
	 * it refuses to run inside a transaction. Close the result when done.
	 * @param name for messages, e.g. the file's name
	 * @throws InvalidImageException when the file is not a JPEG, PNG, GIF or WebP image,
	 * is larger than 50 megapixels, or does not decode
	 * @throws MediaBusy when too much image work is already running
	 * @throws IllegalStateException when called inside a transaction
	 * @throws UncheckedIOException when the file cannot be read or written, or the store
	 * cannot be reached
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
				Variants.makeAll(pending, folder, store, prepared.unrecorded());
			}
			if (store.shared()) {
				// Always written, even when the bucket has it: a fresh time keeps the
				// orphan sweep away from an old copy that this upload is about to record.
				store.put(prepared.storageKey(), pending, kind.contentType());
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
	 * Records a prepared image with its alt text, caption and credit: writes its row (in
	 * the local folder, first moves its file into place); fast, and meant to run inside
	 * the caller's transaction. Recording the same bytes again returns the image already
	 * stored, with the texts it was first stored with; articles keep texts of their own
	 * ({@code ImageUse}). If the transaction rolls back, a file this call moved into
	 * place is removed again (a shared store's copy is left to the orphan sweep).
	 * @throws UncheckedIOException when the file cannot be moved into place
	 */
	@Transactional
	public Image record(PreparedImage image, String alt, String caption, String credit) {
		String storageKey = image.storageKey();
		if (!store.shared() && store.stat(storageKey).isEmpty()) {
			store.put(storageKey, image.pending(), image.unrecorded().contentType());
			removeOnRollback(storageKey);
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
	 * @param actor who uploads: anyone in the newsroom may; the upload is audited
	 * (subject {@code image}, action {@code uploaded}) and published as an
	 * {@link ImageEvent}
	 * @param filename as the browser sent it; only its extension is checked against the
	 * content
	 * @param alt required: what the image shows, for readers who cannot see it
	 * @throws InvalidImageException saying what is wrong with the file
	 * @throws MediaBusy when too many images are being worked on; try again later
	 * @throws IllegalArgumentException naming the field, for a missing alt text
	 */
	public Image upload(Actor actor, String filename, InputStream content, String alt, String caption, String credit) {
		if (alt == null || alt.isBlank()) {
			throw new InvalidInput("alt", "media.invalid.alt");
		}
		Path received = null;
		try {
			received = Files.createTempFile(folder, "upload", ".tmp");
			Files.copy(content, received, StandardCopyOption.REPLACE_EXISTING);
			try (var prepared = prepare(received, filename, true)) {
				return transaction.execute(status -> {
					var image = record(prepared, alt.strip(), blankToNull(caption), blankToNull(credit));
					audit.record(NewsroomAudit.IMAGE, image.id(), actor, "uploaded", filename);
					events.publishEvent(new ImageEvent(image.id(), ImageEvent.Change.UPLOADED));
					return image;
				});
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

	/**
	 * @param urls paths as images are served ({@code /media/3f/3fa9….jpg}); others (a
	 * variant, another site's URL) are ignored
	 * @return the library's images among them, keyed by the URL asked for (one query)
	 */
	public Map<String, Image> byUrls(Collection<String> urls) {
		Map<String, String> urlsByKey = urls.stream()
			.filter(url -> url.startsWith(URL_PREFIX) && !url.startsWith(URL_PREFIX + MediaStore.VARIANTS))
			.collect(Collectors.toMap(url -> url.substring(URL_PREFIX.length()), Function.identity(), (a, b) -> a));
		if (urlsByKey.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT * FROM image WHERE storage_key IN (:keys)")
			.param("keys", urlsByKey.keySet())
			.query(Image.class)
			.list()
			.stream()
			.collect(Collectors.toMap(image -> urlsByKey.get(image.storageKey()), Function.identity()));
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

	private void removeOnRollback(String storageKey) {
		PerTransaction.get(this, () -> new Written(new LinkedHashSet<>())).ifPresent(w -> w.keys().add(storageKey));
	}

	/**
	 * The originals one transaction moved into place in the local folder: removed again
	 * if it does not commit.
	 */
	private final class Written implements TransactionSynchronization {

		private final Set<String> keys;

		Written(Set<String> keys) {
			this.keys = keys;
		}

		Set<String> keys() {
			return keys;
		}

		@Override
		public void afterCompletion(int status) {
			if (status == STATUS_COMMITTED) {
				return;
			}
			for (String storageKey : keys) {
				// Another transaction may have stored the same bytes meanwhile and kept
				// them.
				if (jdbc.sql("SELECT COUNT(*) FROM image WHERE storage_key = ?")
					.param(storageKey)
					.query(Integer.class)
					.single() == 0) {
					try {
						store.delete(storageKey);
					}
					catch (UncheckedIOException ignored) {
						// left for the next start's OrphanSweep
					}
				}
			}
		}

	}

}
