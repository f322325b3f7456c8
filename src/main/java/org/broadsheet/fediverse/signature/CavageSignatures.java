package org.broadsheet.fediverse.signature;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.broadsheet.fediverse.signature.SignatureRejected.Reason;
import org.tomitribe.auth.signatures.Algorithm;
import org.tomitribe.auth.signatures.AuthenticationException;
import org.tomitribe.auth.signatures.Signature;
import org.tomitribe.auth.signatures.Signer;
import org.tomitribe.auth.signatures.SigningAlgorithm;
import org.tomitribe.auth.signatures.Verifier;

/**
 * draft-cavage-http-signatures-12 as the fediverse uses it (Mastodon's profile): RSA with
 * SHA-256 ({@code algorithm="rsa-sha256"}, or {@code "hs2019"} with an RSA key) over
 * {@code (request-target) host date} and, for a body, {@code digest} (RFC 3230). The
 * {@code (request-target)} is the method and the path without the query, as Mastodon and
 * Fedify sign it; the path with the query (the draft's reading) verifies too. Parsing the
 * field and building the signing string are tomitribe-http-signatures'.
 */
final class CavageSignatures {

	private CavageSignatures() {
	}

	/**
	 * @param request a request that already has {@code Host}, {@code Date} and, with a
	 * body, {@code Digest}
	 * @param keyId the signer's key id (the actor's {@code publicKey.id})
	 * @param key the signer's RSA private key
	 * @return the {@code Signature} field's value
	 */
	static String sign(SignedRequest request, String keyId, PrivateKey key) {
		List<String> covered = new ArrayList<>(List.of("(request-target)", "host", "date"));
		if (request.body().length > 0) {
			covered.add("digest");
		}
		if (request.header("Content-Type") != null) {
			covered.add("content-type");
		}
		Signature template = new Signature(keyId, SigningAlgorithm.RSA_SHA256, Algorithm.RSA_SHA256, null, null,
				covered);
		try {
			Signature signed = new Signer(key, template).sign(request.method(), path(request),
					fields(request, covered));
			return signed.toParamString();
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("cannot sign with the key " + keyId, ex);
		}
	}

	/**
	 * Reads and checks the {@code Signature} field: parse, required coverage, time and
	 * {@code Digest}.
	 * @param request the received request
	 * @param clock the verifier's clock
	 * @param skew how far {@code Date} or {@code (created)} may be from now
	 * @return the signature, to be verified with the signer's key
	 * @throws SignatureRejected when any check fails
	 */
	static Candidate check(SignedRequest request, Clock clock, Duration skew) {
		String field = request.header("Signature");
		Signature signature;
		try {
			signature = Signature.fromString(field, Algorithm.RSA_SHA256);
		}
		catch (AuthenticationException | IllegalArgumentException ex) {
			throw new SignatureRejected(Reason.MALFORMED, "Signature: " + ex.getMessage(), ex);
		}
		SigningAlgorithm algorithm = signature.getSigningAlgorithm();
		if (algorithm != null && algorithm != SigningAlgorithm.RSA_SHA256 && algorithm != SigningAlgorithm.HS2019) {
			throw new SignatureRejected(Reason.MALFORMED, "algorithm " + algorithm + " is not used here");
		}
		List<String> covered = signature.getHeaders().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
		boolean body = request.body().length > 0;
		requireCovered(covered, "(request-target)");
		requireCovered(covered, "host");
		if (!covered.contains("date") && !covered.contains("(created)")) {
			throw new SignatureRejected(Reason.MISSING_COMPONENTS, "the signature covers neither date nor (created)");
		}
		if (body) {
			requireCovered(covered, "digest");
		}
		if (!request.authority().equalsIgnoreCase(String.valueOf(request.header("Host")))) {
			throw new SignatureRejected(Reason.MISSING_COMPONENTS,
					"Host " + request.header("Host") + " is not this request's " + request.authority());
		}
		Instant now = clock.instant();
		Long created = signature.getSignatureCreationTimeMilliseconds();
		Long expires = signature.getSignatureExpirationTimeMilliseconds();
		Instant signedAt = covered.contains("date") ? Freshness.parseDate(request.header("Date"))
				: Instant.ofEpochMilli(created);
		Freshness.check(signedAt, expires == null ? null : Instant.ofEpochMilli(expires), now, skew);
		if (body || covered.contains("digest")) {
			ContentDigests.checkDigest(request.header("Digest"), request.body());
		}
		Map<String, String> fields = fields(request, covered);
		return new Parsed(signature, request, fields);
	}

	/**
	 * @return the {@code (request-target)} path as Mastodon and Fedify sign it: the raw
	 * path without the query (the draft would include the query; a verifier here accepts
	 * both)
	 */
	private static String path(SignedRequest request) {
		String path = request.uri().getRawPath();
		return path == null || path.isEmpty() ? "/" : path;
	}

	private static void requireCovered(List<String> covered, String name) {
		if (!covered.contains(name)) {
			throw new SignatureRejected(Reason.MISSING_COMPONENTS, "the signature does not cover " + name);
		}
	}

	private static Map<String, String> fields(SignedRequest request, List<String> covered) {
		Map<String, String> fields = new HashMap<>();
		for (String name : covered) {
			if (name.startsWith("(")) {
				continue;
			}
			String value = request.header(name);
			if (value == null) {
				throw new SignatureRejected(Reason.MISSING_COMPONENTS,
						"the signature covers " + name + ", which the request does not have");
			}
			fields.put(name, value);
		}
		return fields;
	}

	private record Parsed(Signature signature, SignedRequest request, Map<String, String> fields) implements Candidate {

		@Override
		public String keyId() {
			return signature.getKeyId();
		}

		@Override
		public boolean verifiesWith(PublicKey key) {
			if (!(key instanceof RSAKey)) {
				return false;
			}
			try {
				Verifier verifier = new Verifier(key, signature);
				return verifier.verify(request.method(), path(request), fields) || (request.uri().getRawQuery() != null
						&& verifier.verify(request.method(), request.pathAndQuery(), fields));
			}
			catch (IOException | GeneralSecurityException | RuntimeException ex) {
				return false;
			}
		}

	}

}
