package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * What a file is, judged by its content: its type, size in pixels and whether it decodes.
 * Slow for large photographs (seconds), so never called inside a transaction.
 */
final class ImageCheck {

	private static final Map<String, String> TYPES = Map.of("jpeg", "image/jpeg", "png", "image/png", "gif",
			"image/gif", "webp", "image/webp");

	private static final int MAX_PIXELS = 50_000_000;

	/**
	 * @param extension of the stored original: {@code jpg}, {@code png}, {@code gif} or
	 * {@code webp}
	 */
	record Kind(String extension, String contentType, int width, int height) {
	}

	private ImageCheck() {
	}

	/**
	 * @param name for messages
	 * @throws InvalidImageException when the file is empty, not a JPEG, PNG, GIF or WebP
	 * image, over 50 megapixels (judged from its header) or does not decode
	 */
	static Kind inspect(Path file, String name) throws IOException {
		if (Files.size(file) == 0) {
			throw new InvalidImageException(name + " is empty");
		}
		try (var in = ImageIO.createImageInputStream(file.toFile())) {
			var readers = ImageIO.getImageReaders(in);
			while (readers.hasNext()) {
				ImageReader reader = readers.next();
				String format = reader.getFormatName().toLowerCase(Locale.ROOT);
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
						throw new InvalidImageException(name + " is " + width + "×" + height + " pixels; the limit is "
								+ MAX_PIXELS / 1_000_000 + " megapixels");
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
	 * Decodes the whole image at about one megapixel: a header alone, or truncated or
	 * corrupt data, fails here rather than in readers' browsers, without the memory of a
	 * full decode.
	 */
	private static void decodeSmall(ImageReader reader, int width, int height) throws IOException {
		var param = reader.getDefaultReadParam();
		int step = Math.max(1, (int) Math.ceil(Math.sqrt((double) width * height / 1_000_000)));
		param.setSourceSubsampling(step, step, 0, 0);
		reader.read(0, param);
	}

	/**
	 * @throws InvalidImageException when the file starts like SVG (or any XML), which can
	 * carry scripts
	 */
	static void refuseSvg(Path file, String filename) throws IOException {
		byte[] head = new byte[1024];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(head, 0, head.length);
		}
		String start = new String(head, 0, Math.max(n, 0), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		if (start.contains("<svg") || start.stripLeading().startsWith("<?xml")
				|| start.stripLeading().startsWith("<!doctype svg")) {
			throw new InvalidImageException(
					filename + " is an SVG image; SVG is not accepted because it can carry scripts");
		}
	}

	/**
	 * @throws InvalidImageException when the name's extension claims another type than
	 * the content's
	 */
	static void refuseMisnamed(String filename, Kind kind) {
		String extension = extension(filename);
		if (!extension.isEmpty() && !extension.equals(kind.extension())
				&& !(extension.equals("jpeg") && kind.extension().equals("jpg"))) {
			throw new InvalidImageException(filename + " is named ." + extension + " but is a "
					+ kind.contentType().substring(6).toUpperCase(Locale.ROOT) + " image: rename it and try again");
		}
	}

	private static String extension(String filename) {
		if (filename == null) {
			return "";
		}
		int dot = filename.lastIndexOf('.');
		return dot < 0 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the file's SHA-256, 64 lower-case hex digits
	 */
	static String sha256(Path file) throws IOException {
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

}
