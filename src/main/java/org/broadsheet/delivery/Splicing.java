package org.broadsheet.delivery;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Cuts a rendered body at its {@link ResponsePart} placeholders, and joins it again with each
 * response's parts: identity, and gzip (RFC 1952) without compressing the page again. Each cut
 * piece is compressed once, as raw deflate blocks (RFC 1951) ending on a byte boundary
 * ({@link Deflater#SYNC_FLUSH}); a part goes between them as one stored block, and only the
 * trailer's CRC-32 is computed per response.
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
			pieces.add(java.util.Arrays.copyOfRange(body, from, at));
			slots.add(new Slot(ascii(body, at + PREFIX_BYTES.length, nameEnd), ascii(body, nameEnd + 1, argumentEnd)));
			from = argumentEnd + 1;
		}
		pieces.add(java.util.Arrays.copyOfRange(body, from, body.length));
		return new Cut(pieces, slots);
	}

	/** @return each piece as raw deflate blocks, all but the last ending unfinished on a byte boundary */
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
					int n = last ? deflater.deflate(buffer) : deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
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

	/** @return the identity body: the pieces with {@code parts} between them */
	static byte[] join(List<byte[]> pieces, List<byte[]> parts) {
		int length = 0;
		for (byte[] piece : pieces) {
			length += piece.length;
		}
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] body = new byte[length];
		int at = 0;
		for (int i = 0; i < pieces.size(); i++) {
			System.arraycopy(pieces.get(i), 0, body, at, pieces.get(i).length);
			at += pieces.get(i).length;
			if (i < parts.size()) {
				System.arraycopy(parts.get(i), 0, body, at, parts.get(i).length);
				at += parts.get(i).length;
			}
		}
		return body;
	}

	/**
	 * @param deflated {@link #deflate} of the pieces
	 * @param identity {@link #join} of the same pieces and parts, for the trailer
	 * @return a gzip member holding {@code identity}
	 */
	static byte[] gzip(List<byte[]> deflated, List<byte[]> parts, byte[] identity) {
		var out = new ByteArrayOutputStream(identity.length / 3 + 64);
		out.writeBytes(GZIP_HEADER);
		for (int i = 0; i < deflated.size(); i++) {
			out.writeBytes(deflated.get(i));
			if (i < parts.size()) {
				storedBlocks(out, parts.get(i));
			}
		}
		var crc = new CRC32();
		crc.update(identity);
		writeIntLe(out, (int) crc.getValue());
		writeIntLe(out, identity.length);
		return out.toByteArray();
	}

	/** Non-final stored blocks (RFC 1951 §3.2.4): the stream is byte-aligned after a sync flush. */
	private static void storedBlocks(ByteArrayOutputStream out, byte[] data) {
		int from = 0;
		do {
			int n = Math.min(65535, data.length - from);
			out.write(0);
			out.write(n & 0xff);
			out.write(n >>> 8);
			out.write(~n & 0xff);
			out.write((~n >>> 8) & 0xff);
			out.write(data, from, n);
			from += n;
		}
		while (from < data.length);
	}

	private static void writeIntLe(ByteArrayOutputStream out, int value) {
		out.write(value);
		out.write(value >>> 8);
		out.write(value >>> 16);
		out.write(value >>> 24);
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
