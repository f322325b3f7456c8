package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

import org.broadsheet.transaction.PerTransaction;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * The media library: image originals on local disk under {@code <data>/media}, named by the
 * SHA-256 of their bytes, and their metadata in the database.
 */
@Service
public class MediaLibrary {

	static final String URL_PREFIX = "/media/";

	private static final Map<String, String> TYPES = Map.of("jpeg", "image/jpeg", "png", "image/png", "gif",
			"image/gif", "webp", "image/webp");

	private static final int MAX_PIXELS = 50_000_000;

	private final JdbcClient jdbc;

	private final Path folder;

	MediaLibrary(JdbcClient jdbc, @Value("${broadsheet.data}") Path dataFolder) {
		this.jdbc = jdbc;
		this.folder = dataFolder.resolve("media");
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException("Cannot create the media folder " + folder, ex);
		}
	}

	/** @return the folder originals are kept in */
	Path folder() {
		return folder;
	}

	/**
	 * Stores an image file (type detected from its bytes, never its name; a JPEG's EXIF GPS
	 * location removed) with its alt text,
	 * caption and credit. Storing the same bytes again returns the image already stored, with the
	 * texts it was first stored with; articles keep texts of their own ({@code ImageUse}).
	 * Inside a transaction that rolls back, a file this call wrote is removed again.
	 *
	 * @throws InvalidImageException when the file is not a JPEG, PNG, GIF or WebP image, or is
	 *         larger than 50 megapixels
	 * @throws java.io.UncheckedIOException when the file cannot be read or written
	 */
	// A refused file is refused before anything is written: the caller's transaction may go on.
	@Transactional(noRollbackFor = InvalidImageException.class)
	public Image store(Path file, String alt, String caption, String credit) {
		try {
			var kind = inspect(file, file.getFileName().toString());
			// Every way in (upload, bundle, WordPress) loses a photograph's location before it is kept.
			Path temp = Files.createTempFile(folder, "store", ".tmp");
			String key;
			Path target;
			try {
				Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
				if (kind.extension().equals("jpg")) {
					Location.remove(temp);
				}
				key = sha256(temp) + "." + kind.extension();
				target = folder.resolve(key.substring(0, 2)).resolve(key);
				if (!Files.exists(target)) {
					Files.createDirectories(target.getParent());
					Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
					removeOnRollback(target, key.substring(0, 2) + "/" + key);
				}
			}
			finally {
				Files.deleteIfExists(temp);
			}
			String storageKey = key.substring(0, 2) + "/" + key;
			jdbc.sql("""
					INSERT INTO image (storage_key, content_type, width, height, alt, caption, credit)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT (storage_key) DO NOTHING""")
				.params(storageKey, kind.contentType(), kind.width(), kind.height(), alt == null ? "" : alt, caption,
						credit)
				.update();
			return jdbc.sql("SELECT * FROM image WHERE storage_key = ?").param(storageKey).query(Image.class).single();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException("Cannot store " + file.getFileName(), ex);
		}
	}

	/**
	 * Takes an upload into the library: refuses SVG and anything that is not a JPEG, PNG, GIF or
	 * WebP by its content, or whose name claims another type; removes a photograph's location
	 * (EXIF GPS); stores the original and makes its responsive variants.
	 *
	 * @param filename as the browser sent it; only its extension is checked against the content
	 * @param alt required: what the image shows, for readers who cannot see it
	 * @throws InvalidImageException saying what is wrong with the file
	 * @throws IllegalArgumentException naming the field, for a missing alt text
	 */
	@Transactional(noRollbackFor = InvalidImageException.class)
	public Image upload(String filename, InputStream content, String alt, String caption, String credit) {
		if (alt == null || alt.isBlank()) {
			throw new IllegalArgumentException("alt: describe the image for readers who cannot see it");
		}
		Path temp = null;
		try {
			temp = Files.createTempFile(folder, "upload", ".tmp");
			Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
			refuseSvg(temp, filename);
			var kind = inspect(temp, filename);
			String extension = extension(filename);
			if (!extension.isEmpty() && !extension.equals(kind.extension())
					&& !(extension.equals("jpeg") && kind.extension().equals("jpg"))) {
				throw new InvalidImageException(filename + " is named ." + extension + " but is a "
						+ kind.contentType().substring(6).toUpperCase(java.util.Locale.ROOT) + " image: rename it and try again");
			}
			Image image = store(temp, alt.strip(), blankToNull(caption), blankToNull(credit));
			Variants.widths(image).forEach(width -> Variants.ensure(folder, image, width));
			return image;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException("Cannot store the upload " + filename, ex);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ignored) {
					// a leftover temporary file in the media folder is harmless
				}
			}
		}
	}

	/** @return the newest images first, at most {@code limit} */
	public java.util.List<Image> recent(int limit) {
		return jdbc.sql("SELECT * FROM image ORDER BY id DESC LIMIT ?").param(limit).query(Image.class).list();
	}

	/** @return the image whose original has this content hash, if any */
	java.util.Optional<Image> byHash(String hash) {
		return jdbc.sql("SELECT * FROM image WHERE storage_key LIKE ?").param(hash.substring(0, 2) + "/" + hash + ".%")
			.query(Image.class).optional();
	}

	private static void refuseSvg(Path file, String filename) throws IOException {
		byte[] head = new byte[1024];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		String start = new String(head, 0, Math.max(n, 0), java.nio.charset.StandardCharsets.ISO_8859_1)
			.toLowerCase(java.util.Locale.ROOT);
		if (start.contains("<svg") || start.stripLeading().startsWith("<?xml") || start.stripLeading().startsWith("<!doctype svg")) {
			throw new InvalidImageException(filename + " is an SVG image; SVG is not accepted because it can carry scripts");
		}
	}

	private static String extension(String filename) {
		if (filename == null) {
			return "";
		}
		int dot = filename.lastIndexOf('.');
		return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	/** @return the images with these ids, keyed by id (one query) */
	public Map<Long, Image> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT * FROM image WHERE id IN (:ids)").param("ids", ids).query(Image.class).list().stream()
			.collect(Collectors.toMap(Image::id, Function.identity()));
	}

	private record Kind(String extension, String contentType, int width, int height) {
	}

	private static Kind inspect(Path file, String name) throws IOException {
		if (Files.size(file) == 0) {
			throw new InvalidImageException(name + " is empty");
		}
		try (var in = ImageIO.createImageInputStream(file.toFile())) {
			var readers = ImageIO.getImageReaders(in);
			while (readers.hasNext()) {
				ImageReader reader = readers.next();
				String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
				String type = TYPES.get(format.equals("jpg") ? "jpeg" : format);
				if (type == null) {
					continue;
				}
				try {
					reader.setInput(in, false, true);
					int width = reader.getWidth(0);
					int height = reader.getHeight(0);
					if (width <= 0 || height <= 0) {
						throw new InvalidImageException(name + " has no pixels");
					}
					if ((long) width * height > MAX_PIXELS) {
						throw new InvalidImageException(name + " is " + width + "×" + height
								+ " pixels; the limit is " + MAX_PIXELS / 1_000_000 + " megapixels");
					}
					decodeSmall(reader, width, height);
					return new Kind(format.equals("jpeg") ? "jpg" : format, type, width, height);
				}
				catch (IOException | RuntimeException ex) {
					if (ex instanceof InvalidImageException invalid) {
						throw invalid;
					}
					throw new InvalidImageException(name + " is damaged or incomplete: " + ex.getMessage());
				}
				finally {
					reader.dispose();
				}
			}
		}
		throw new InvalidImageException(name + " is not a JPEG, PNG, GIF or WebP image");
	}

	/**
	 * Decodes the whole image at about one megapixel: a header alone, or truncated or corrupt data,
	 * fails here rather than in readers' browsers, without the memory of a full decode.
	 */
	private static void decodeSmall(ImageReader reader, int width, int height) throws IOException {
		var param = reader.getDefaultReadParam();
		int step = Math.max(1, (int) Math.ceil(Math.sqrt((double) width * height / 1_000_000)));
		param.setSourceSubsampling(step, step, 0, 0);
		reader.read(0, param);
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			var digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			for (int n; (n = in.read(buffer)) > 0;) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void removeOnRollback(Path written, String storageKey) {
		PerTransaction.get(this, () -> new Written(new java.util.LinkedHashMap<>()))
			.ifPresent(w -> w.files().put(written, storageKey));
	}

	/** The files one transaction wrote: removed again if it does not commit. */
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
				// Another transaction may have stored the same bytes meanwhile and kept them.
				if (jdbc.sql("SELECT COUNT(*) FROM image WHERE storage_key = ?").param(storageKey).query(Integer.class)
					.single() == 0) {
					try {
						Files.deleteIfExists(written);
					}
					catch (IOException ignored) {
						// An orphaned original is harmless: the next store of the same bytes reuses it.
					}
				}
			});
		}

	}

}
