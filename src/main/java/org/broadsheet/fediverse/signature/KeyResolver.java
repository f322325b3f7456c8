package org.broadsheet.fediverse.signature;

import java.security.PublicKey;

/**
 * Finds the public key that a signature's {@code keyId} names (for ActivityPub, the
 * {@code publicKey} of the sender's actor document, e.g.
 * {@code https://social.example/users/alice#main-key}). {@link RemoteKeys} fetches and
 * caches them; tests give a fixed key.
 */
@FunctionalInterface
public interface KeyResolver {

	/**
	 * @param keyId the signature's key id, as sent
	 * @return the key, possibly from a cache
	 * @throws SignatureRejected with {@link SignatureRejected.Reason#UNKNOWN_KEY} when
	 * there is none
	 */
	PublicKey find(String keyId);

	/**
	 * Called once when a signature does not verify with the key {@link #find} gave: the
	 * owner may have rotated it. The default asks {@link #find} again.
	 * @param keyId the signature's key id
	 * @return a freshly fetched key (may equal the one before)
	 */
	default PublicKey refetch(String keyId) {
		return find(keyId);
	}

}
