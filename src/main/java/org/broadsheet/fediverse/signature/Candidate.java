package org.broadsheet.fediverse.signature;

import java.security.PublicKey;

/**
 * A signature found on a request whose form, coverage, time and body digest have passed;
 * only the cryptographic check with the signer's key remains.
 */
interface Candidate {

	/**
	 * @return the signature's key id, as sent
	 */
	String keyId();

	/**
	 * @param key the signer's public key (RSA; Ed25519 for RFC 9421)
	 * @return whether the signature verifies with it
	 */
	boolean verifiesWith(PublicKey key);

}
