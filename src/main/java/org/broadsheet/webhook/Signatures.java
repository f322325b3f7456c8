package org.broadsheet.webhook;

import java.security.SecureRandom;
import java.util.Base64;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

/**
 * Secrets, message ids and the {@code webhook-signature} header of the Standard Webhooks
 * specification, made with its reference library ({@code com.standardwebhooks}):
 * HMAC-SHA256 of {@code id.timestamp.payload}, {@code v1,<base64>}; several signatures
 * are separated by spaces.
 */
final class Signatures {

	/** What every secret starts with, as the specification's libraries expect. */
	static final String SECRET_PREFIX = "whsec_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Signatures() {
	}

	/**
	 * @return a new secret: {@value #SECRET_PREFIX} and the base64 of 32 random bytes
	 */
	static String newSecret() {
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(random(32));
	}

	/**
	 * @return a new message id ({@code webhook-id}): {@code msg_} and 22 base64url
	 * characters (128 random bits), never containing the {@code .} that separates the
	 * signed parts
	 */
	static String newMessageId() {
		return "msg_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random(16));
	}

	/**
	 * @param secrets the secrets that sign, each {@code whsec_…}; nulls are skipped
	 * @param timestamp the {@code webhook-timestamp}, seconds since the epoch
	 * @return the {@code webhook-signature} header: one {@code v1,…} per secret
	 */
	static String header(String messageId, long timestamp, String payload, String... secrets) {
		var header = new StringBuilder();
		for (String secret : secrets) {
			if (secret == null) {
				continue;
			}
			try {
				String signature = new Webhook(secret).sign(messageId, timestamp, payload);
				header.append(header.isEmpty() ? "" : " ").append(signature);
			}
			catch (WebhookSigningException | EmptyWebhookSecretException ex) {
				// Our secrets are never empty, and every Java runtime has HMAC-SHA256.
				throw new IllegalStateException("cannot sign with a stored webhook secret", ex);
			}
		}
		return header.toString();
	}

	private static byte[] random(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return random;
	}

}
