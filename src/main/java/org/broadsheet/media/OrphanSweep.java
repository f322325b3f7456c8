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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * At start, removes what a crash can leave in the media folder: temporary files
 * ({@code *.tmp}) and originals that no {@code image} row references (written, then the
 * transaction that would have recorded them never committed), with their variants. Only
 * files older than {@code broadsheet.media.orphan-grace} go, so that work in flight in
 * another process (an import running beside the site) is left alone.
 */
@Component
class OrphanSweep {

	private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

	/** Storage keys looked up per query. */
	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final Path folder;

	private final Clock clock;

	private final Duration grace;

	OrphanSweep(MediaLibrary library, JdbcClient jdbc, Clock clock,
			@Value("${broadsheet.media.orphan-grace:1d}") Duration grace) {
		this.jdbc = jdbc;
		this.folder = library.folder();
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
	 * @return how many files were removed
	 */
	int sweep() {
		Instant cutoff = clock.instant().minus(grace);
		Map<String, Path> originals = new LinkedHashMap<>();
		int removed = 0;
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
				if (!olderThan(file, cutoff)) {
					continue;
				}
				if (file.getFileName().toString().endsWith(".tmp")) {
					removed += delete(file);
				}
				else if (isOriginal(file)) {
					originals.put(folder.relativize(file).toString().replace('\\', '/'), file);
					if (originals.size() == BATCH) {
						removed += removeUnreferenced(originals);
						originals.clear();
					}
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Could not sweep the media folder {}: {}", folder, ex.getMessage());
		}
		return removed + removeUnreferenced(originals);
	}

	/** An original lives at {@code <media>/<first two hex digits>/<sha256>.<ext>}. */
	private boolean isOriginal(Path file) {
		Path parent = file.getParent();
		return parent != null && folder.equals(parent.getParent()) && parent.getFileName().toString().length() == 2;
	}

	private int removeUnreferenced(Map<String, Path> originals) {
		if (originals.isEmpty()) {
			return 0;
		}
		Set<String> referenced = new HashSet<>(jdbc.sql("SELECT storage_key FROM image WHERE storage_key IN (:keys)")
			.param("keys", List.copyOf(originals.keySet()))
			.query(String.class)
			.list());
		int removed = 0;
		for (var entry : originals.entrySet()) {
			if (!referenced.contains(entry.getKey())) {
				removed += delete(entry.getValue());
				removed += deleteVariants(entry.getValue());
			}
		}
		return removed;
	}

	private int deleteVariants(Path original) {
		String name = original.getFileName().toString();
		String hash = name.substring(0, Math.max(0, name.lastIndexOf('.')));
		Path variants = folder.resolve("variants");
		if (hash.isEmpty() || !Files.isDirectory(variants)) {
			return 0;
		}
		List<Path> found = new ArrayList<>();
		try (var listing = Files.newDirectoryStream(variants, hash + "-*")) {
			listing.forEach(found::add);
		}
		catch (IOException ex) {
			return 0;
		}
		return found.stream().mapToInt(this::delete).sum();
	}

	private static boolean olderThan(Path file, Instant cutoff) {
		try {
			return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
		}
		catch (IOException ex) {
			return false; // gone meanwhile
		}
	}

	private int delete(Path file) {
		try {
			return Files.deleteIfExists(file) ? 1 : 0;
		}
		catch (IOException ex) {
			log.warn("Could not remove {}: {}", file, ex.getMessage());
			return 0;
		}
	}

}
