package org.broadsheet.fediverse.actor;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * PEM text of keys (RFC 7468): {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo, §13) and
 * {@code PRIVATE KEY} (PKCS #8, §10), base64 in lines of 64 characters. The JDK encodes
 * the DER; only the armour is written here.
 */
final class Pem {

	private static final String PUBLIC = "PUBLIC KEY";

	private static final String PRIVATE = "PRIVATE KEY";

	private Pem() {
	}

	/**
	 * @return the key's {@code PUBLIC KEY} PEM, ending in a line break
	 */
	static String publicKey(PublicKey key) {
		return armour(PUBLIC, key.getEncoded());
	}

	/**
	 * @return the key's {@code PRIVATE KEY} PEM, ending in a line break
	 */
	static String privateKey(PrivateKey key) {
		return armour(PRIVATE, key.getEncoded());
	}

	/**
	 * @param pem an RSA {@code PUBLIC KEY} PEM
	 * @return the key
	 * @throws GeneralSecurityException when it is not one
	 */
	static PublicKey readPublicKey(String pem) throws GeneralSecurityException {
		return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(PUBLIC, pem)));
	}

	/**
	 * @param pem an RSA {@code PRIVATE KEY} PEM
	 * @return the key
	 * @throws GeneralSecurityException when it is not one
	 */
	static PrivateKey readPrivateKey(String pem) throws GeneralSecurityException {
		return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(PRIVATE, pem)));
	}

	private static String armour(String label, byte[] der) {
		String body = Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der);
		return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
	}

	private static byte[] der(String label, String pem) throws GeneralSecurityException {
		String begin = "-----BEGIN " + label + "-----";
		String end = "-----END " + label + "-----";
		int from = pem.indexOf(begin);
		int to = pem.indexOf(end);
		if (from < 0 || to < from) {
			throw new GeneralSecurityException("not a " + label + " PEM");
		}
		try {
			return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
		}
		catch (IllegalArgumentException ex) {
			throw new GeneralSecurityException("not a " + label + " PEM", ex);
		}
	}

}
