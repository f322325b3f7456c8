package org.broadsheet.fediverse.signature;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.broadsheet.fediverse.signature.SignatureRejected.Reason;

/** The time rule of every signature: signed within the skew of now, and not expired. */
final class Freshness {

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
			Locale.ROOT);

	private Freshness() {
	}

	/**
	 * @param signedAt when the signature says it was made ({@code Date} or
	 * {@code created})
	 * @param expires when it says it expires, or null
	 * @param now the verifier's clock
	 * @param skew how far {@code signedAt} may be from now, either way
	 * @throws SignatureRejected (STALE) when it is farther, or {@code expires} has passed
	 */
	static void check(Instant signedAt, Instant expires, Instant now, Duration skew) {
		if (signedAt.isBefore(now.minus(skew)) || signedAt.isAfter(now.plus(skew))) {
			throw new SignatureRejected(Reason.STALE,
					"signed at " + signedAt + ", more than " + skew + " from now (" + now + ")");
		}
		if (expires != null && !expires.isAfter(now)) {
			throw new SignatureRejected(Reason.STALE, "expired at " + expires);
		}
	}

	/**
	 * @param field a {@code Date} field's value (RFC 9110 §5.6.7 IMF-fixdate, e.g.
	 * {@code Sun, 06 Nov 1994 08:49:37 GMT})
	 * @return the instant
	 * @throws SignatureRejected (STALE) when it is not a date
	 */
	static Instant parseDate(String field) {
		try {
			return ZonedDateTime.parse(field.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new SignatureRejected(Reason.STALE, "Date is not an HTTP date: " + field, ex);
		}
	}

	/**
	 * @return {@code instant} as an HTTP date (IMF-fixdate, GMT)
	 */
	static String formatDate(Instant instant) {
		return HTTP_DATE.format(instant.atOffset(ZoneOffset.UTC));
	}

}
