package org.broadsheet.delivery;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Cryptographically strong random bytes for values made once per response (CSRF tokens,
 * their BREACH masks, comment-form nonces), from one DRBG (NIST SP 800-90A, seeded by the
 * system) per thread.
 *
 * <p>
 * Why not {@code new SecureRandom()} or {@link java.util.UUID#randomUUID()}: on Linux
 * both use NativePRNG, which mixes every request through one synchronized generator.
 * Under 64 connections the threads queued on that one lock (hundreds of waits over 10 ms
 * in 15 s of a JFR profile of cached article pages, each response making three random
 * values).
 */
public final class ResponseRandom extends SecureRandom {

	private static final long serialVersionUID = 1L;

	private static final ThreadLocal<SecureRandom> PER_THREAD = ThreadLocal.withInitial(() -> {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Java 17 always has DRBG", ex);
		}
	});

	/** The one instance; stateless, so it may be shared by every thread. */
	public static final ResponseRandom INSTANCE = new ResponseRandom();

	private ResponseRandom() {
	}

	@Override
	public void nextBytes(byte[] bytes) {
		PER_THREAD.get().nextBytes(bytes);
	}

	@Override
	public byte[] generateSeed(int length) {
		return PER_THREAD.get().generateSeed(length);
	}

	/**
	 * @return a random version-4 UUID string, as {@link java.util.UUID#randomUUID()}
	 * makes
	 */
	public static String uuid() {
		byte[] bytes = new byte[16];
		INSTANCE.nextBytes(bytes);
		bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
		bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
		long most = 0;
		long least = 0;
		for (int i = 0; i < 8; i++) {
			most = (most << 8) | (bytes[i] & 0xff);
			least = (least << 8) | (bytes[i + 8] & 0xff);
		}
		return new UUID(most, least).toString();
	}

}
