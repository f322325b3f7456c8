package org.broadsheet.fediverse.signature;

/** The two ways of signing an HTTP request that fediverse servers use. */
public enum SignatureStyle {

	/**
	 * draft-cavage-http-signatures-12 as Mastodon sends it: {@code Signature: keyId=…,
	 * algorithm="rsa-sha256", headers="(request-target) host date digest content-type",
	 * signature=…} with {@code Digest: SHA-256=base64} (RFC 3230) for a body.
	 */
	CAVAGE,

	/**
	 * RFC 9421 HTTP Message Signatures: {@code Signature-Input} and {@code Signature}
	 * structured fields, {@code rsa-v1_5-sha256}, with {@code Content-Digest} (RFC 9530)
	 * for a body.
	 */
	RFC9421

}
