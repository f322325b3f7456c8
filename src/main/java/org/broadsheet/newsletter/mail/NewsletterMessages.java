package org.broadsheet.newsletter.mail;

import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The e-mails of a send: what is the same for every recipient is prepared once
 * ({@link #prepare}), then each recipient's message is made from it ({@link #message})
 * with their own links and headers.
 */
public interface NewsletterMessages {

	/**
	 * What a send carries.
	 *
	 * @param sendId the {@code newsletter_send} row; part of every Message-ID
	 * @param articleIds one article (kind article or test), or a digest's articles,
	 * newest first
	 * @param subject the subject line
	 * @param digest whether this is a digest (teasers linking to the articles) rather
	 * than one article in full
	 */
	record Content(long sendId, List<Long> articleIds, String subject, boolean digest) {

	}

	/**
	 * One recipient.
	 *
	 * @param subscriberId the subscriber, or 0 for a test send to an editor
	 * @param email the address, already validated
	 * @param name the display name, or null
	 * @param linkSecret the subscriber's link secret (signs their preferences and
	 * unsubscribe links), or null for a test send
	 */
	record Recipient(long subscriberId, String email, String name, String linkSecret) {

	}

	/** A send's rendered parts, shared by all its messages (immutable). */
	interface Prepared {

	}

	/**
	 * Renders the send's HTML and plain text once.
	 * @throws org.broadsheet.shared.NotFound when an article is not published
	 */
	Prepared prepare(Content content);

	/**
	 * @return the recipient's message: From, To, Subject, Date, Message-ID
	 * ({@code <send.subscriber.random@host>}), List-Id, List-Unsubscribe and
	 * List-Unsubscribe-Post (RFC 2369, RFC 8058), multipart/alternative HTML and plain
	 * text, DKIM-signed when a key is configured
	 */
	MimeMessage message(Session session, Prepared prepared, Recipient recipient) throws MessagingException;

	/**
	 * @return the list's name as the e-mails give it, in the site's language ("Politics
	 * on Broadsheet"), for a digest's subject
	 */
	String listName(org.broadsheet.newsletter.ListKey list);

}
