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

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
	 * Stores an image file (type detected from its bytes, never its name) with its alt text,
	 * caption and credit. Storing the same bytes again returns the image already stored, with the
	 * texts it was first stored with; articles keep texts of their own ({@code ImageUse}).
	 * Inside a transaction that rolls back, a file this call wrote is removed again.
	 *
	 * @throws InvalidImageException when the file is not a JPEG, PNG, GIF or WebP image, or is
	 *         larger than 50 megapixels
	 * @throws java.io.UncheckedIOException when the file cannot be read or written
	 */
	@Transactional
	public Image store(Path file, String alt, String caption, String credit) {
		try {
			var kind = inspect(file);
			String key = sha256(file) + "." + kind.extension();
			Path target = folder.resolve(key.substring(0, 2)).resolve(key);
			if (!Files.exists(target)) {
				Files.createDirectories(target.getParent());
				Path temp = Files.createTempFile(target.getParent(), "upload", ".tmp");
				Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
				removeOnRollback(target, key.substring(0, 2) + "/" + key);
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

	private static Kind inspect(Path file) throws IOException {
		if (Files.size(file) == 0) {
			throw new InvalidImageException(file.getFileName() + " is empty");
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
						throw new InvalidImageException(file.getFileName() + " has no pixels");
					}
					if ((long) width * height > MAX_PIXELS) {
						throw new InvalidImageException(file.getFileName() + " is " + width + "×" + height
								+ " pixels; the limit is " + MAX_PIXELS / 1_000_000 + " megapixels");
					}
					decodeSmall(reader, width, height);
					return new Kind(format.equals("jpeg") ? "jpg" : format, type, width, height);
				}
				catch (IOException | RuntimeException ex) {
					if (ex instanceof InvalidImageException invalid) {
						throw invalid;
					}
					throw new InvalidImageException(file.getFileName() + " is damaged or incomplete: " + ex.getMessage());
				}
				finally {
					reader.dispose();
				}
			}
		}
		throw new InvalidImageException(file.getFileName() + " is not a JPEG, PNG, GIF or WebP image");
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
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCompletion(int status) {
				// Another transaction may have stored the same bytes meanwhile and kept them.
				if (status != STATUS_COMMITTED && jdbc.sql("SELECT COUNT(*) FROM image WHERE storage_key = ?")
					.param(storageKey).query(Integer.class).single() == 0) {
					try {
						Files.deleteIfExists(written);
					}
					catch (IOException ignored) {
						// An orphaned original is harmless: the next store of the same bytes reuses it.
					}
				}
			}
		});
	}

}
