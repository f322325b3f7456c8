package org.broadsheet.fediverse.signature;

/**
 * A remote document that could not be had (docs/fediverse.md, "Signatures and fetching"):
 * {@link #reason()} says why, for the caller to log, retry later or give up. Peers are
 * servers, not people, so the text is for logs and has no message key.
 */
public class FetchFailed extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Why a fetch failed. */
	public enum Reason {

		/** Not {@code https:} (nor {@code http:} where allowed), or no host. */
		REFUSED_SCHEME,

		/**
		 * The host is or resolves to a loopback, private or otherwise non-public address.
		 */
		REFUSED_ADDRESS,

		/** More redirects than allowed. */
		TOO_MANY_REDIRECTS,

		/** A body larger than allowed. */
		TOO_LARGE,

		/** No connection, or no whole response, in time. */
		TIMEOUT,

		/**
		 * A status other than 2xx (and other than a redirect with a {@code Location}).
		 */
		HTTP_STATUS,

		/** The host is unknown or the connection failed. */
		NETWORK

	}

	private final Reason reason;

	private final int status;

	/**
	 * @param reason why
	 * @param message what exactly, for the log
	 * @param status the HTTP status for {@code HTTP_STATUS}, else 0
	 * @param cause the failure underneath, or null
	 */
	public FetchFailed(Reason reason, String message, int status, Throwable cause) {
		super(reason + ": " + message, cause);
		this.reason = reason;
		this.status = status;
	}

	/**
	 * @param reason why
	 * @param message what exactly, for the log
	 */
	public FetchFailed(Reason reason, String message) {
		this(reason, message, 0, null);
	}

	/**
	 * @return why the fetch failed
	 */
	public Reason reason() {
		return reason;
	}

	/**
	 * @return the response's HTTP status for {@link Reason#HTTP_STATUS}, else 0
	 */
	public int status() {
		return status;
	}

}
