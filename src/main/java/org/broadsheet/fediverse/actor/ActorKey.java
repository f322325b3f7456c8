package org.broadsheet.fediverse.actor;

import java.security.PrivateKey;

/**
 * An actor's RSA key pair as stored in {@code fediverse_actor_key}. The private key is
 * for signing outgoing requests (HTTP Signatures) and is never written to logs:
 * {@link #toString()} names the actor and the public key only.
 *
 * @param actorKey {@code site}, {@code author:<id>} or {@code section:<id>}
 * @param publicPem the public key, X.509 SubjectPublicKeyInfo in PEM ({@code -----BEGIN
 * PUBLIC KEY-----}, RFC 7468 §13), as actor documents publish it
 * @param privateKey the private key (RSA, 2048 bits)
 * @param createdAt UTC epoch milliseconds
 */
public record ActorKey(String actorKey, String publicPem, PrivateKey privateKey, long createdAt) {

	@Override
	public String toString() {
		return "ActorKey[" + actorKey + ", created " + createdAt + "]";
	}

}
