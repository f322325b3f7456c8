package org.broadsheet.newsletter.subscription;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed addresses of a subscriber's links, which work without signing in: confirm
 * (double opt-in; expires), preferences and one-click unsubscribe (RFC 8058; last as long
 * as the subscriber's {@code link_secret}, which is replaced to revoke them). A token is
 * the base64url (no padding) HMAC-SHA256, keyed with the subscriber's link secret, of
 * {@code purpose:subscriberId[:expiresAt]}.
 */
public final class SubscriberLinks {

	/** What a link does; part of what is signed, so one link cannot stand for another. */
	public enum Purpose {

		CONFIRM("/newsletter/confirm"), PREFERENCES("/newsletter/preferences"), UNSUBSCRIBE("/newsletter/unsubscribe");

		private final String path;

		Purpose(String path) {
			this.path = path;
		}

		/**
		 * @return the site-relative path the link points to
		 */
		public String path() {
			return path;
		}

	}

	private SubscriberLinks() {
	}

	/**
	 * @param expiresAt when the link stops working (UTC epoch milliseconds), or 0 for
	 * never
	 * @return the link's site-relative address with its query:
	 * {@code /newsletter/confirm?s=12&e=1767225600000&t=…} ({@code e} only when it
	 * expires)
	 */
	public static String path(Purpose purpose, long subscriberId, String linkSecret, long expiresAt) {
		return purpose.path() + "?s=" + subscriberId + (expiresAt > 0 ? "&e=" + expiresAt : "") + "&t="
				+ token(purpose, subscriberId, linkSecret, expiresAt);
	}

	/**
	 * @return the token for these values (see the class comment)
	 */
	public static String token(Purpose purpose, long subscriberId, String linkSecret, long expiresAt) {
		String signed = purpose.name() + ":" + subscriberId + (expiresAt > 0 ? ":" + expiresAt : "");
		try {
			var mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(linkSecret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	/**
	 * @param now the time, UTC epoch milliseconds
	 * @return whether {@code token} is this subscriber's for {@code purpose} and, when it
	 * expires, not yet expired (compared in constant time)
	 */
	public static boolean valid(Purpose purpose, long subscriberId, String linkSecret, long expiresAt, String token,
			long now) {
		if (token == null || (expiresAt > 0 && now > expiresAt)) {
			return false;
		}
		return MessageDigest.isEqual(
				token(purpose, subscriberId, linkSecret, expiresAt).getBytes(StandardCharsets.US_ASCII),
				token.getBytes(StandardCharsets.US_ASCII));
	}

}
