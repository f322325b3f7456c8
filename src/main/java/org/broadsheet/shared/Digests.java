package org.broadsheet.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests of text that must not be kept in clear (reader cookies, rate-limit keys). */
public final class Digests {

	private Digests() {
	}

	/**
	 * @return the SHA-256 (FIPS 180-4) of {@code text}'s UTF-8 bytes: 64 lower-case hex
	 * digits
	 */
	public static String sha256Hex(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

}
