package org.broadsheet.shared;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Bearer secrets (API keys): 256 random bits from {@link SecureRandom}, base64url without
 * padding (RFC 4648 §5) after a prefix that says what the secret is for, so that secret
 * scanners and people recognise one. Store only {@link Digests#sha256Hex} of a secret.
 */
public final class Secrets {

	/** Characters of a secret after its prefix. */
	public static final int LENGTH = 43;

	private static final SecureRandom RANDOM = new SecureRandom();

	private Secrets() {
	}

	/**
	 * @param prefix e.g. {@code bsk_}
	 * @return a new secret: the prefix and {@value #LENGTH} base64url characters
	 */
	public static String token(String prefix) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

	/**
	 * @return the first characters of a secret, safe to show beside it to tell keys
	 * apart: the prefix and four more
	 */
	public static String hint(String secret, String prefix) {
		return secret.substring(0, prefix.length() + 4);
	}

}
