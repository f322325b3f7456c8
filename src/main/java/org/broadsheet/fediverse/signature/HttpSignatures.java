package org.broadsheet.fediverse.signature;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.broadsheet.fediverse.signature.SignatureRejected.Reason;
import org.springframework.stereotype.Component;

/**
 * Signs requests to other fediverse servers and verifies the requests they send
 * (docs/fediverse.md, "Signatures and fetching"), in either style: draft-cavage-http-
 * signatures-12 as Mastodon uses it, or RFC 9421. A verified request names its signer's
 * key id; who owns that key (the actor) is the caller's to check against the activity.
 *
 * <p>
 * Verification requires that the signature covers the method and target
 * ({@code (request-target)}, or {@code @method} with {@code @target-uri} or
 * {@code @authority} + {@code @path}), the host ({@code host}, which must be this
 * request's authority, or {@code @target-uri}/{@code @authority}), the time ({@code date}
 * or {@code created}, within {@link FetchSettings#signatureSkew()} of the clock either
 * way, and not past {@code expires}) and, when there is a body, its digest
 * ({@code digest} or {@code content-digest}), which must be the body's SHA-256 or
 * SHA-512.
 */
@Component
public class HttpSignatures {

	private final Clock clock;

	private final Duration skew;

	/**
	 * @param clock the time that signatures carry and are checked against
	 * @param settings {@link FetchSettings#signatureSkew()}
	 */
	public HttpSignatures(Clock clock, FetchSettings settings) {
		this.clock = clock;
		this.skew = settings.signatureSkew();
	}

	/**
	 * Signs a request: sets {@code Host}, {@code Date} (now) and, for a body,
	 * {@code Digest} (CAVAGE) or {@code Content-Digest} (RFC9421), then the signature
	 * fields.
	 * @param request the request to send
	 * @param keyId the signing actor's key id, e.g.
	 * {@code https://news.example/actors/opinion#main-key}
	 * @param key the actor's RSA private key
	 * @param style which signature scheme the peer expects
	 * @return the request with the fields added (the method, URI and body unchanged)
	 */
	public SignedRequest sign(SignedRequest request, String keyId, PrivateKey key, SignatureStyle style) {
		Instant now = clock.instant();
		SignedRequest ready = request.withHeader("Host", request.authority())
			.withHeader("Date", Freshness.formatDate(now));
		byte[] body = request.body();
		if (style == SignatureStyle.CAVAGE) {
			if (body.length > 0) {
				ready = ready.withHeader("Digest", ContentDigests.digest(body));
			}
			return ready.withHeader("Signature", CavageSignatures.sign(ready, keyId, key));
		}
		if (body.length > 0) {
			ready = ready.withHeader("Content-Digest", ContentDigests.contentDigest(body));
		}
		String[] fields = Rfc9421Signatures.sign(ready, keyId, key, now);
		return ready.withHeader("Signature-Input", fields[0]).withHeader("Signature", fields[1]);
	}

	/**
	 * Verifies a received request's signature: RFC 9421 when it has
	 * {@code Signature-Input}, draft-cavage otherwise.
	 * @param request the request as received (its URI as this server was addressed)
	 * @param keys finds the signer's public key; asked again once
	 * ({@link KeyResolver#refetch}) when the signature does not verify, for a rotated key
	 * @return the key id of the signature that verified
	 * @throws SignatureRejected with the reason: {@code UNSIGNED}, {@code MALFORMED},
	 * {@code MISSING_COMPONENTS}, {@code STALE}, {@code DIGEST_MISMATCH},
	 * {@code UNKNOWN_KEY}, {@code BAD_SIGNATURE}
	 */
	public String verify(SignedRequest request, KeyResolver keys) {
		List<Candidate> candidates;
		if (request.header("Signature-Input") != null) {
			candidates = Rfc9421Signatures.check(request, clock, skew);
		}
		else if (request.header("Signature") != null) {
			candidates = List.of(CavageSignatures.check(request, clock, skew));
		}
		else {
			throw new SignatureRejected(Reason.UNSIGNED, "the request has no Signature field");
		}
		for (Candidate candidate : candidates) {
			PublicKey key = keys.find(candidate.keyId());
			if (candidate.verifiesWith(key)) {
				return candidate.keyId();
			}
			PublicKey fresh = keys.refetch(candidate.keyId());
			if (!fresh.equals(key) && candidate.verifiesWith(fresh)) {
				return candidate.keyId();
			}
		}
		throw new SignatureRejected(Reason.BAD_SIGNATURE,
				"no signature verifies with its key (" + candidates.get(0).keyId() + ")");
	}

}
