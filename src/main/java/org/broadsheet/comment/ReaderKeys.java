package org.broadsheet.comment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.broadsheet.delivery.ResponseRandom;
import org.broadsheet.shared.Digests;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What readers are known by, without keeping anything personal in clear: the reader
 * cookie's SHA-256, the client address's HMAC-SHA-256 under the UTC day's salt (salts
 * older than yesterday are deleted, after which no one can link a stored hash to an
 * address), and signed form tokens. Secrets live in the database, so every node agrees on
 * them.
 */
@Component
class ReaderKeys {

	private static final HexFormat HEX = HexFormat.of();

	private static final SecureRandom RANDOM = ResponseRandom.INSTANCE;

	/**
	 * One per thread: looking the algorithm up costs more than the HMAC of a form token.
	 */
	private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
		try {
			return Mac.getInstance("HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	});

	private static final Pattern READER = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern FORM_TOKEN = Pattern.compile("(\\d{1,15})\\.([0-9a-f]{16})\\.([0-9a-f]{32})");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Cache<String, byte[]> secrets = Caffeine.newBuilder()
		.maximumSize(16)
		.expireAfterWrite(Duration.ofHours(1))
		.build();

	ReaderKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return a new reader cookie value: 128 random bits, hex
	 */
	static String newReader() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HEX.formatHex(bytes);
	}

	/**
	 * @return whether {@code value} has the form of {@link #newReader()}
	 */
	static boolean isReader(String value) {
		return value != null && READER.matcher(value).matches();
	}

	/**
	 * @return the SHA-256 of the reader cookie, hex; null for null
	 */
	static String reader(String cookie) {
		return cookie == null ? null : Digests.sha256Hex(cookie);
	}

	/**
	 * @return the client address's HMAC under today's salt (UTC day), hex
	 */
	String address(String address) {
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		return hmac(secret("salt:" + today, today), String.valueOf(address));
	}

	/**
	 * @return a token for a comment form on that article, served now:
	 * {@code <epoch millis>.<64
	 *         random bits, hex>.<HMAC>}; the random part makes every form's token its
	 * own, so that a token can be spent once ({@link Comments#post}) without two readers
	 * sharing one
	 */
	String formToken(long articleId) {
		long at = clock.millis();
		byte[] nonce = new byte[8];
		RANDOM.nextBytes(nonce);
		String random = HEX.formatHex(nonce);
		return at + "." + random + "." + formSignature(articleId, at, random);
	}

	/**
	 * @return how long ago the token was served, or empty if it is not one of ours for
	 * that article
	 */
	Optional<Duration> formAge(String token, long articleId) {
		var parts = token == null ? null : FORM_TOKEN.matcher(token);
		if (parts == null || !parts.matches()) {
			return Optional.empty();
		}
		long at = Long.parseLong(parts.group(1));
		if (!MessageDigest.isEqual(parts.group(3).getBytes(StandardCharsets.US_ASCII),
				formSignature(articleId, at, parts.group(2)).getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		return Optional.of(Duration.ofMillis(clock.millis() - at));
	}

	private String formSignature(long articleId, long at, String random) {
		return hmac(secret("comment-form", null), articleId + ":" + at + ":" + random).substring(0, 32);
	}

	private byte[] secret(String name, LocalDate day) {
		return secrets.get(name, n -> {
			byte[] fresh = new byte[32];
			RANDOM.nextBytes(fresh);
			int created = jdbc
				.sql("INSERT INTO site_secret (name, secret, created_at) VALUES (?, ?, ?) "
						+ "ON CONFLICT (name) DO NOTHING")
				.params(n, HEX.formatHex(fresh), clock.millis())
				.update();
			if (created == 1 && day != null) {
				// Yesterday's salt stays for hashes taken just before midnight; older
				// ones go.
				jdbc.sql("DELETE FROM site_secret WHERE name LIKE 'salt:%' AND name < ?")
					.param("salt:" + day.minusDays(1))
					.update();
			}
			return HEX.parseHex(
					jdbc.sql("SELECT secret FROM site_secret WHERE name = ?").param(n).query(String.class).single());
		});
	}

	private static String hmac(byte[] key, String data) {
		try {
			Mac mac = HMAC.get();
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HEX.formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
