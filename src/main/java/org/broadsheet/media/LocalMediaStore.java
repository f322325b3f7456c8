package org.broadsheet.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Originals and variants as files in one folder ({@code <data>/media} unless the
 * migration command is given another), a key being the path below it. Files being worked
 * on ({@code *.tmp}) are not objects.
 */
final class LocalMediaStore implements MediaStore {

	private final Path folder;

	LocalMediaStore(Path folder) {
		this.folder = folder.toAbsolutePath().normalize();
	}

	/**
	 * @return the file that holds {@code key}'s object, which may not exist
	 */
	Path file(String key) {
		return resolve(key);
	}

	/** Moves the file into place (one rename: readers never see half a file). */
	@Override
	public void put(String key, Path file, String contentType) {
		Path target = resolve(key);
		try {
			Files.createDirectories(target.getParent());
			Files.move(file, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store " + key + " in " + folder, ex);
		}
	}

	@Override
	public Optional<MediaStream> open(String key) {
		Path file = resolve(key);
		try {
			var attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return Optional.of(new MediaStream(Files.newInputStream(file), attributes.size(),
					attributes.lastModifiedTime().toInstant()));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + key + " in " + folder, ex);
		}
	}

	@Override
	public Optional<StoredObject> stat(String key) {
		return stat(key, resolve(key));
	}

	private Optional<StoredObject> stat(String key, Path file) {
		try {
			var attributes = Files.readAttributes(file, BasicFileAttributes.class);
			return attributes.isRegularFile()
					? Optional.of(new StoredObject(key, attributes.size(), attributes.lastModifiedTime().toInstant()))
					: Optional.empty();
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + key + " in " + folder, ex);
		}
	}

	@Override
	public void delete(String key) {
		try {
			Files.deleteIfExists(resolve(key));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove " + key + " from " + folder, ex);
		}
	}

	@Override
	public Stream<StoredObject> list() {
		if (!Files.isDirectory(folder)) {
			return Stream.empty();
		}
		try {
			return Files.walk(folder)
				.filter(file -> !file.getFileName().toString().endsWith(".tmp"))
				.map(file -> stat(folder.relativize(file).toString().replace('\\', '/'), file))
				.flatMap(Optional::stream);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list " + folder, ex);
		}
	}

	@Override
	public Optional<String> problem() {
		return Files.isDirectory(folder) && Files.isWritable(folder) ? Optional.empty()
				: Optional.of(folder + " is not a writable folder");
	}

	@Override
	public String toString() {
		return folder.toString();
	}

	/**
	 * Keys come from our own names (hashes, widths), never from a request as they are.
	 */
	private Path resolve(String key) {
		Path file = folder.resolve(key).normalize();
		if (!file.startsWith(folder) || file.equals(folder)) {
			throw new IllegalStateException("Not a media key: " + key);
		}
		return file;
	}

}
