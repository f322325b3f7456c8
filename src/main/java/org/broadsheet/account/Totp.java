package org.broadsheet.account;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import org.apache.commons.codec.binary.Base32;

/**
 * RFC 6238 time-based one-time passwords as authenticator apps make them: HMAC-SHA1, 6
 * digits, 30-second steps (java-otp computes them). Secrets are 160 random bits, written
 * in base32 (RFC 4648, no padding) as the apps take them.
 */
public final class Totp {

	/** Length of a time step. */
	public static final Duration STEP = Duration.ofSeconds(30);

	private static final Base32 BASE32 = new Base32();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(STEP);

	private Totp() {
	}

	/**
	 * @return a new secret: 160 random bits as 32 base32 characters (RFC 4648, no
	 * padding)
	 */
	public static String newSecret() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		return BASE32.encodeToString(bytes);
	}

	/**
	 * @param secret base32
	 * @param at any instant of the step
	 * @return the 6-digit code of that step, with leading zeros
	 */
	public static String code(String secret, Instant at) {
		try {
			return String.format(Locale.ROOT, "%06d", GENERATOR.generateOneTimePassword(
					new SecretKeySpec(BASE32.decode(secret.toUpperCase(Locale.ROOT)), "HmacSHA1"), at));
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @return the number of the 30-second step {@code at} falls in, counted from the Unix
	 * epoch
	 */
	static long step(Instant at) {
		return at.getEpochSecond() / STEP.toSeconds();
	}

	/**
	 * @param issuer the site's name, e.g. "The Broadsheet Review"
	 * @param account the sign-in email
	 * @return the {@code otpauth://totp/…} URI authenticator apps read (Google's Key Uri
	 * Format)
	 */
	public static String uri(String issuer, String account, String secret) {
		String label = encode(issuer + ":" + account);
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
				+ "&algorithm=SHA1&digits=6&period=" + STEP.toSeconds();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
