package org.broadsheet.fediverse.signature;

import java.security.PrivateKey;

/**
 * A key to sign requests with: the actor's key id as peers dereference it and its private
 * key.
 *
 * @param keyId e.g. {@code https://news.example/actors/opinion#main-key}
 * @param privateKey the RSA private key whose public half the actor document publishes
 */
public record SigningKey(String keyId, PrivateKey privateKey) {

	@Override
	public String toString() {
		return "SigningKey[" + keyId + "]";
	}

}
