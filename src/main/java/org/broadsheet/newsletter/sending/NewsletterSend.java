package org.broadsheet.newsletter.sending;

/**
 * A send with its figures, as the newsroom shows it.
 *
 * @param kind {@code article}, {@code test} or {@code digest}
 * @param articleId the article sent, or null (a digest; a deleted article)
 * @param listKeys the lists, space-separated ({@code site section:3 author:7}); for a
 * test, the address it went to
 * @param status {@code queued}, {@code sending}, {@code finished} or {@code cancelled}
 * @param createdAt when it was queued, UTC epoch milliseconds
 * @param startedAt when its first delivery was claimed, or null
 * @param finishedAt when nothing was left to send, or null
 * @param sent deliveries the SMTP server took
 * @param failed deliveries refused for good (the reply is kept per recipient)
 * @param remaining deliveries still queued or being sent
 * @param skipped deliveries not made on purpose: the subscriber left before their turn,
 * or the send was cancelled (their {@code error} is {@code cancelled})
 */
public record NewsletterSend(long id, String kind, Long articleId, String listKeys, String subject, String status,
		long createdAt, Long startedAt, Long finishedAt, int sent, int failed, int remaining, int skipped) {

	/**
	 * @return whether it is still going
	 */
	public boolean active() {
		return "queued".equals(status) || "sending".equals(status);
	}

}
