package org.broadsheet.fediverse.signature;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import org.broadsheet.fediverse.signature.SignatureRejected.Reason;
import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.ParseException;
import org.greenbytes.http.sfv.Parser;

/**
 * Digests of a request body: {@code Digest} (RFC 3230, as draft-cavage signatures cover
 * it: {@code SHA-256=base64}) and {@code Content-Digest} (RFC 9530, a structured
 * dictionary: {@code sha-256=:base64:}). SHA-256 and SHA-512 are checked; other
 * algorithms are ignored, and a field with neither is refused.
 */
final class ContentDigests {

	private ContentDigests() {
	}

	/**
	 * @return the {@code Digest} field's value for {@code body}: {@code SHA-256=} and the
	 * base64 digest
	 */
	static String digest(byte[] body) {
		return "SHA-256=" + Base64.getEncoder().encodeToString(hash("SHA-256", body));
	}

	/**
	 * @return the {@code Content-Digest} field's value for {@code body}:
	 * {@code sha-256=:…:}
	 */
	static String contentDigest(byte[] body) {
		return "sha-256=:" + Base64.getEncoder().encodeToString(hash("SHA-256", body)) + ":";
	}

	/**
	 * Checks an RFC 3230 {@code Digest} field against the body.
	 * @param field the field's value, e.g. {@code SHA-256=X48E9q…=}; several are
	 * separated by commas
	 * @param body the request content
	 * @throws SignatureRejected (DIGEST_MISMATCH) when the field is absent, names no
	 * SHA-256 or SHA-512, or a named digest differs
	 */
	static void checkDigest(String field, byte[] body) {
		if (field == null) {
			throw new SignatureRejected(Reason.DIGEST_MISMATCH, "no Digest field for a request with a body");
		}
		boolean checked = false;
		for (String part : field.split(",")) {
			int eq = part.indexOf('=');
			if (eq < 1) {
				continue;
			}
			String algorithm = javaName(part.substring(0, eq).strip());
			if (algorithm == null) {
				continue;
			}
			byte[] sent;
			try {
				sent = Base64.getDecoder().decode(part.substring(eq + 1).strip());
			}
			catch (IllegalArgumentException ex) {
				throw new SignatureRejected(Reason.DIGEST_MISMATCH, "Digest is not base64", ex);
			}
			compare(algorithm, sent, body);
			checked = true;
		}
		if (!checked) {
			throw new SignatureRejected(Reason.DIGEST_MISMATCH, "Digest names neither SHA-256 nor SHA-512");
		}
	}

	/**
	 * Checks an RFC 9530 {@code Content-Digest} field against the body.
	 * @param field the field's value, e.g. {@code sha-256=:X48E9q…=:}
	 * @param body the request content
	 * @throws SignatureRejected (DIGEST_MISMATCH) when the field is absent or malformed,
	 * names neither sha-256 nor sha-512, or a named digest differs
	 */
	static void checkContentDigest(String field, byte[] body) {
		if (field == null) {
			throw new SignatureRejected(Reason.DIGEST_MISMATCH, "no Content-Digest field for a request with a body");
		}
		Map<String, ListElement<? extends Object>> members;
		try {
			members = Parser.parseDictionary(field).get();
		}
		catch (ParseException ex) {
			throw new SignatureRejected(Reason.DIGEST_MISMATCH, "Content-Digest is not a structured dictionary", ex);
		}
		boolean checked = false;
		for (Map.Entry<String, ListElement<? extends Object>> member : members.entrySet()) {
			String algorithm = javaName(member.getKey());
			if (algorithm == null) {
				continue;
			}
			if (!(member.getValue() instanceof ByteSequenceItem bytes)) {
				throw new SignatureRejected(Reason.DIGEST_MISMATCH,
						"Content-Digest " + member.getKey() + " is not a byte sequence");
			}
			ByteBuffer buffer = bytes.get();
			byte[] sent = new byte[buffer.remaining()];
			buffer.duplicate().get(sent);
			compare(algorithm, sent, body);
			checked = true;
		}
		if (!checked) {
			throw new SignatureRejected(Reason.DIGEST_MISMATCH, "Content-Digest names neither sha-256 nor sha-512");
		}
	}

	private static void compare(String algorithm, byte[] sent, byte[] body) {
		if (!MessageDigest.isEqual(sent, hash(algorithm, body))) {
			throw new SignatureRejected(Reason.DIGEST_MISMATCH, algorithm + " of the body differs from the one sent");
		}
	}

	private static String javaName(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "sha-256" -> "SHA-256";
			case "sha-512" -> "SHA-512";
			default -> null;
		};
	}

	private static byte[] hash(String algorithm, byte[] body) {
		try {
			return MessageDigest.getInstance(algorithm).digest(body);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has " + algorithm, ex);
		}
	}

}
