package org.broadsheet.fediverse.signature;

/**
 * A request whose signature does not prove who sent it, refused before anything is read
 * from it: {@link #reason()} says why, for the inbox to answer {@code 401} and log it.
 * The text is for logs only (a peer server reads the status, never a page), so there is
 * no message key; it is a {@link SecurityException}, not an {@code InvalidInput}: the
 * input is not at fault in one field that a person could correct.
 */
public class SignatureRejected extends SecurityException {

	private static final long serialVersionUID = 1L;

	/** Why a signature was refused. */
	public enum Reason {

		/**
		 * Neither a {@code Signature} (draft-cavage) nor a {@code Signature-Input} field.
		 */
		UNSIGNED,

		/**
		 * A signature field that cannot be parsed, or names an algorithm we do not use.
		 */
		MALFORMED,

		/** The signature does not cover what we require (docs/fediverse.md). */
		MISSING_COMPONENTS,

		/**
		 * {@code Date} or {@code created} outside the allowed skew, or {@code expires}
		 * past.
		 */
		STALE,

		/** {@code Digest} or {@code Content-Digest} absent, unknown or not the body's. */
		DIGEST_MISMATCH,

		/** The key named by {@code keyId} could not be had. */
		UNKNOWN_KEY,

		/** The signature does not verify with the signer's key. */
		BAD_SIGNATURE

	}

	private final Reason reason;

	/**
	 * @param reason why
	 * @param message what exactly, for the log
	 */
	public SignatureRejected(Reason reason, String message) {
		super(reason + ": " + message);
		this.reason = reason;
	}

	/**
	 * @param reason why
	 * @param message what exactly, for the log
	 * @param cause the failure underneath
	 */
	public SignatureRejected(Reason reason, String message, Throwable cause) {
		super(reason + ": " + message, cause);
		this.reason = reason;
	}

	/**
	 * @return why the signature was refused
	 */
	public Reason reason() {
		return reason;
	}

}
