package org.broadsheet.newsletter.admin;

import java.time.Instant;
import java.util.List;

import org.broadsheet.newsletter.ListKey;

/**
 * What the newsroom reads of subscribers. Instants are UTC.
 */
public final class SubscriberRecords {

	private SubscriberRecords() {
	}

	/**
	 * A list and how many of its subscribers are in each status.
	 *
	 * @param name the site's, section's or author's name; the key for a section or author
	 * that no longer exists
	 */
	public record ListCount(ListKey list, String name, long active, long pending, long paused) {
	}

	/** One subscriber in a search result. */
	public record Row(long id, String email, String name, SubscriberStatus status, Instant createdAt) {
	}

	/**
	 * A search: every field optional.
	 *
	 * @param query the start of the address or of the name, any case; blank for all
	 * @param status only subscribers in this status, or null
	 * @param list only subscribers of this list, or null
	 * @param before the keyset: only subscribers with a smaller id (the previous page's
	 * last), or null for the first page
	 */
	public record Search(String query, SubscriberStatus status, ListKey list, Long before) {

		/** Every subscriber, newest first. */
		public static final Search ALL = new Search("", null, null, null);

	}

	/**
	 * A page of a search, newest first.
	 *
	 * @param next the {@link Search#before} of the next page, or null on the last
	 */
	public record Page(List<Row> rows, Long next) {
	}

	/**
	 * One entry of the consent record.
	 *
	 * @param action e.g. {@code signed-up}, {@code confirmed}, {@code imported},
	 * {@code unsubscribed}
	 * @param source the form's page address, {@code import:<file name>}, {@code newsroom}
	 * or {@code one-click}
	 * @param wording what the subscriber was shown (or, for an import, what the file
	 * said)
	 * @param lists the lists it names, in order
	 * @param clientAddress the IP address, when known
	 */
	public record Consent(Instant at, String action, String source, String wording, List<ListKey> lists,
			String clientAddress) {
	}

	/**
	 * One delivery of a send to the subscriber.
	 *
	 * @param status {@code queued}, {@code claimed}, {@code sent}, {@code failed} or
	 * {@code skipped}
	 * @param sentAt null unless sent
	 * @param error the SMTP reply of a permanent failure, or null
	 */
	public record Delivery(long sendId, String subject, String kind, String status, Instant sentAt, String error) {
	}

	/**
	 * Deliveries by status.
	 *
	 * @param lastSentAt the last message sent, or null
	 */
	public record DeliverySummary(long sent, long failed, long skipped, long waiting, Instant lastSentAt) {
	}

	/**
	 * One subscriber's record.
	 *
	 * @param pausedReason why a bounce paused them, or null
	 * @param confirmedAt null until the double opt-in (or an import) confirmed them
	 * @param lists list keys, sorted
	 * @param consents oldest first
	 * @param recent the latest deliveries, newest first
	 */
	public record Detail(Row subscriber, String pausedReason, int hardBounces, Instant confirmedAt, Instant updatedAt,
			List<ListKey> lists, List<Consent> consents, DeliverySummary deliveries, List<Delivery> recent) {
	}

}
