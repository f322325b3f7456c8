package org.broadsheet.newsletter.sending;

import java.io.IOException;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;

import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport with one step added: the database mark of a delivery runs
 * just before the end of the message's data (the {@code CRLF.CRLF} "final dot", RFC 5321
 * §4.1.1.4), the moment the server takes responsibility for the message.
 *
 * <p>
 * <strong>The at-most-once rule.</strong> A recipient's {@code newsletter_delivery} row
 * becomes {@code sent} in the database <em>before</em> the final dot. So:
 * <ul>
 * <li>a row that says {@code sent} is never sent again, whatever happens next;</li>
 * <li>a node that dies before the mark never sends the final dot, and the server discards
 * a transaction cut before it (RFC 5321 §4.1.1.4): the row is still {@code claimed}, its
 * claim expires, and it is sent again;</li>
 * <li>a node that dies between the mark and the server's 250 leaves a row that says
 * {@code sent} for a message that may not have been accepted: the one case where a
 * message can be lost, never doubled;</li>
 * <li>when the mark finds the row no longer this node's (its claim expired and another
 * node took it), it throws, the dot is never sent, and the connection is dropped.</li>
 * </ul>
 * The mark is a single autocommitted {@code UPDATE}: nothing else waits on it. BDAT
 * (CHUNKING, RFC 3030) would end the data elsewhere, so sessions that use this class keep
 * {@code mail.smtp.chunksize} at 0.
 *
 * <p>
 * Registered as the session's provider for {@code smtp} ({@code mail.smtp.class}) and,
 * through {@link Ssl}, {@code smtps} ({@code mail.smtps.class}); see
 * {@link SendingSession}.
 */
public class MarkingTransport extends SMTPTransport {

	/** Runs before the final dot; throws to abort the message. */
	@FunctionalInterface
	interface Mark {

		void run() throws MessagingException;

	}

	private Mark mark;

	/** Jakarta Mail's provider constructor for {@code smtp}. */
	public MarkingTransport(Session session, URLName urlname) {
		super(session, urlname);
	}

	MarkingTransport(Session session, URLName urlname, String name, boolean ssl) {
		super(session, urlname, name, ssl);
	}

	/**
	 * @param mark what the next message runs before its final dot (then forgotten)
	 */
	void markBeforeFinalDot(Mark mark) {
		this.mark = mark;
	}

	@Override
	protected void finishData() throws IOException, MessagingException {
		Mark now = mark;
		mark = null;
		if (now != null) {
			now.run();
		}
		super.finishData();
	}

	/** The same over implicit TLS ({@code smtps}, port 465). */
	public static class Ssl extends MarkingTransport {

		/** Jakarta Mail's provider constructor for {@code smtps}. */
		public Ssl(Session session, URLName urlname) {
			super(session, urlname, "smtps", true);
		}

	}

}
