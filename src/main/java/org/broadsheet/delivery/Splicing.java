package org.broadsheet.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Cuts a rendered body at its {@link ResponsePart} placeholders, and joins it again with
 * each response's parts: identity, and gzip (RFC 1952) without compressing the page
 * again. Each cut piece is compressed once, as raw deflate blocks (RFC 1951) ending on a
 * byte boundary ({@link Deflater#SYNC_FLUSH}); a part goes between them as one stored
 * block, and only the trailer's CRC-32 is computed per response.
 */
final class Splicing {

	/** Per process, so that no article can carry a placeholder of its own. */
	static final String PREFIX = "bs" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8)) + ".";

	static final String RENDERING = Splicing.class.getName() + ".rendering";

	private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.US_ASCII);

	private static final byte[] GZIP_HEADER = { 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff };

	private Splicing() {
	}

	/** A placeholder found in a body: the part's name and argument. */
	record Slot(String name, String argument) {
	}

	/** A body cut at its placeholders: {@code pieces.size() == slots.size() + 1}. */
	record Cut(List<byte[]> pieces, List<Slot> slots) {
	}

	static Cut cut(byte[] body) {
		List<byte[]> pieces = new ArrayList<>();
		List<Slot> slots = new ArrayList<>();
		int from = 0;
		for (int at = indexOf(body, PREFIX_BYTES, 0); at >= 0; at = indexOf(body, PREFIX_BYTES, from)) {
			int nameEnd = indexOf(body, (byte) '.', at + PREFIX_BYTES.length);
			int argumentEnd = nameEnd < 0 ? -1 : indexOf(body, (byte) '.', nameEnd + 1);
			if (argumentEnd < 0) {
				break;
			}
			pieces.add(Arrays.copyOfRange(body, from, at));
			slots.add(new Slot(ascii(body, at + PREFIX_BYTES.length, nameEnd), ascii(body, nameEnd + 1, argumentEnd)));
			from = argumentEnd + 1;
		}
		pieces.add(Arrays.copyOfRange(body, from, body.length));
		return new Cut(pieces, slots);
	}

	/**
	 * @return each piece as raw deflate blocks, all but the last ending unfinished on a
	 * byte boundary
	 */
	static List<byte[]> deflate(List<byte[]> pieces) {
		List<byte[]> deflated = new ArrayList<>(pieces.size());
		for (int i = 0; i < pieces.size(); i++) {
			var deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
			try {
				deflater.setInput(pieces.get(i));
				boolean last = i == pieces.size() - 1;
				if (last) {
					deflater.finish();
				}
				var out = new ByteArrayOutputStream(pieces.get(i).length / 3 + 64);
				byte[] buffer = new byte[16384];
				while (true) {
					int n = last ? deflater.deflate(buffer)
							: deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
					out.write(buffer, 0, n);
					if (last ? deflater.finished() : n < buffer.length) {
						break;
					}
				}
				deflated.add(out.toByteArray());
			}
			finally {
				deflater.end();
			}
		}
		return deflated;
	}

	/**
	 * Writes the identity body: the pieces with {@code parts} between them, without
	 * joining them first (a page is tens of kilobytes; copying it per response showed in
	 * profiles).
	 * @return the number of bytes written
	 */
	static long writeIdentity(List<byte[]> pieces, List<byte[]> parts, OutputStream out) throws IOException {
		long written = 0;
		for (int i = 0; i < pieces.size(); i++) {
			out.write(pieces.get(i));
			written += pieces.get(i).length;
			if (i < parts.size()) {
				out.write(parts.get(i));
				written += parts.get(i).length;
			}
		}
		return written;
	}

	/**
	 * @return the identity body's length
	 */
	static long identityLength(List<byte[]> pieces, List<byte[]> parts) {
		long length = 0;
		for (byte[] piece : pieces) {
			length += piece.length;
		}
		for (byte[] part : parts) {
			length += part.length;
		}
		return length;
	}

	/**
	 * @return the length of the gzip member {@link #writeGzip} writes
	 */
	static long gzipLength(List<byte[]> deflated, List<byte[]> parts) {
		long length = GZIP_HEADER.length + 8;
		for (byte[] piece : deflated) {
			length += piece.length;
		}
		for (byte[] part : parts) {
			length += part.length + 5L * Math.max(1, (part.length + 65534) / 65535);
		}
		return length;
	}

	/**
	 * Writes a gzip member (RFC 1952) holding the identity body.
	 * @param deflated {@link #deflate} of the pieces
	 * @param pieces the pieces themselves, for the trailer's CRC-32
	 */
	static void writeGzip(List<byte[]> deflated, List<byte[]> pieces, List<byte[]> parts, OutputStream out)
			throws IOException {
		var crc = new CRC32();
		out.write(GZIP_HEADER);
		for (int i = 0; i < deflated.size(); i++) {
			out.write(deflated.get(i));
			crc.update(pieces.get(i));
			if (i < parts.size()) {
				storedBlocks(out, parts.get(i));
				crc.update(parts.get(i));
			}
		}
		byte[] trailer = new byte[8];
		intLe(trailer, 0, (int) crc.getValue());
		intLe(trailer, 4, (int) identityLength(pieces, parts));
		out.write(trailer);
	}

	/**
	 * @return a whole gzip member of a page without parts, made once when it is stored
	 */
	static byte[] gzip(List<byte[]> deflated, List<byte[]> pieces) {
		var out = new ByteArrayOutputStream((int) gzipLength(deflated, List.of()));
		try {
			writeGzip(deflated, pieces, List.of(), out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Non-final stored blocks (RFC 1951 §3.2.4): the stream is byte-aligned after a sync
	 * flush.
	 */
	private static void storedBlocks(OutputStream out, byte[] data) throws IOException {
		int from = 0;
		do {
			int n = Math.min(65535, data.length - from);
			out.write(new byte[] { 0, (byte) n, (byte) (n >>> 8), (byte) ~n, (byte) (~n >>> 8) });
			out.write(data, from, n);
			from += n;
		}
		while (from < data.length);
	}

	private static void intLe(byte[] into, int at, int value) {
		into[at] = (byte) value;
		into[at + 1] = (byte) (value >>> 8);
		into[at + 2] = (byte) (value >>> 16);
		into[at + 3] = (byte) (value >>> 24);
	}

	private static String ascii(byte[] body, int from, int to) {
		return new String(body, from, to - from, StandardCharsets.US_ASCII);
	}

	private static int indexOf(byte[] body, byte b, int from) {
		for (int i = from; i < body.length; i++) {
			if (body[i] == b) {
				return i;
			}
		}
		return -1;
	}

	private static int indexOf(byte[] body, byte[] needle, int from) {
		outer: for (int i = from; i <= body.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (body[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
