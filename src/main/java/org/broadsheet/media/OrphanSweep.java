package org.broadsheet.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At start, removes what a crash can leave: temporary files ({@code *.tmp}) in the local
 * media folder, and originals in the {@link MediaStore} (folder or bucket) that no
 * {@code image} row references (stored, then the transaction that would have recorded
 * them never committed), with their variants. Only what is older than
 * {@code broadsheet.media.orphan-grace} goes, so that work in flight in another process
 * (an import beside the site, an upload on another node) is left alone; a shared store's
 * object is looked at again just before it is removed, since an upload of the same bytes
 * writes it anew.
 */
@Component
class OrphanSweep {

	private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

	/** Storage keys looked up per query. */
	private static final int BATCH = 500;

	/**
	 * More unreferenced originals than this in a shared store means a node on the wrong
	 * database (a typo in its URL, a staging copy, an old dump), not crashes: the sweep
	 * stops rather than empty a bucket that other sites' rows still name.
	 */
	static final int SHARED_LIMIT = 100;

	private final JdbcClient jdbc;

	private final Path folder;

	private final MediaStore store;

	private final Clock clock;

	private final Duration grace;

	OrphanSweep(MediaLibrary library, JdbcClient jdbc, Clock clock,
			@Value("${broadsheet.media.orphan-grace:1d}") Duration grace) {
		this.jdbc = jdbc;
		this.folder = library.folder();
		this.store = library.store();
		this.clock = clock;
		this.grace = grace;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		int removed = sweep();
		if (removed > 0) {
			log.info("Removed {} media files left by an interrupted upload or import", removed);
		}
	}

	/**
	 * @return how many temporary files and originals were removed (variants not counted)
	 */
	int sweep() {
		Instant cutoff = clock.instant().minus(grace);
		int removed = removeTemporary(cutoff);
		if (store.shared() && jdbc.sql("SELECT COUNT(*) FROM image").query(Long.class).single() == 0) {
			log.warn("Not sweeping the shared media store {}: this database names no image, so every object "
					+ "would look orphaned (is this node on the right database?)", store);
			return removed;
		}
		List<String> originals = new ArrayList<>();
		try (Stream<StoredObject> objects = store.list()) {
			for (StoredObject object : (Iterable<StoredObject>) objects::iterator) {
				if (MediaStore.isOriginal(object.key()) && object.lastModified().isBefore(cutoff)) {
					originals.add(object.key());
					if (originals.size() == BATCH) {
						removed += removeUnreferenced(originals, cutoff, removed);
						originals.clear();
					}
				}
			}
			removed += removeUnreferenced(originals, cutoff, removed);
		}
		catch (RuntimeException ex) {
			log.warn("Could not sweep the media store {}: {}", store, ex.getMessage());
		}
		return removed;
	}

	private int removeTemporary(Instant cutoff) {
		int removed = 0;
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				if (file.getFileName().toString().endsWith(".tmp") && olderThan(file, cutoff)) {
					removed += delete(file);
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Could not sweep the media folder {}: {}", folder, ex.getMessage());
		}
		return removed;
	}

	private int removeUnreferenced(List<String> originals, Instant cutoff, int removedSoFar) {
		if (originals.isEmpty()) {
			return 0;
		}
		Set<String> referenced = new HashSet<>(jdbc.sql("SELECT storage_key FROM image WHERE storage_key IN (:keys)")
			.param("keys", originals)
			.query(String.class)
			.list());
		long unreferenced = originals.stream().filter(key -> !referenced.contains(key)).count();
		if (store.shared() && removedSoFar + unreferenced > SHARED_LIMIT) {
			throw new IllegalStateException("over " + SHARED_LIMIT + " originals in the shared store are unknown to "
					+ "this database; none removed (is this node on the right database?)");
		}
		int removed = 0;
		for (String key : originals) {
			if (referenced.contains(key)
					|| store.shared() && store.stat(key).filter(o -> o.lastModified().isBefore(cutoff)).isEmpty()) {
				continue;
			}
			store.delete(key);
			removed++;
			MediaStore.variantKeys(key).forEach(store::delete);
		}
		return removed;
	}

	private static boolean olderThan(Path file, Instant cutoff) {
		try {
			return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
		}
		catch (IOException ex) {
			return false; // gone meanwhile
		}
	}

	private static int delete(Path file) {
		try {
			return Files.deleteIfExists(file) ? 1 : 0;
		}
		catch (IOException ex) {
			log.warn("Could not remove {}: {}", file, ex.getMessage());
			return 0;
		}
	}

}
