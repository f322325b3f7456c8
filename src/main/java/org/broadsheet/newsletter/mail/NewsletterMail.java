package org.broadsheet.newsletter.mail;

import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.broadsheet.article.Article;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.newsletter.subscription.SubscriberLinks;
import org.broadsheet.newsletter.subscription.SubscriberLinks.Purpose;
import org.broadsheet.shared.NotFound;
import org.broadsheet.site.SiteLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The e-mails of newsletter sends: {@link #prepare} loads the articles and renders the
 * HTML and plain-text parts once (with {@link MailSegments} markers for each recipient's
 * links); {@link #message} only joins strings and sets headers, so that a send's rate is
 * the SMTP server's, not ours.
 *
 * <p>
 * Headers: From ({@code broadsheet.mail.from} with the site's name as display name), To
 * (display name made safe by {@link MailAddresses}), Subject (RFC 2047 encoded when not
 * ASCII), Date, Message-ID {@code <send.subscriber.random@host>} (the host of the From
 * address), List-Id (RFC 2919: {@code <label.newsletter.host>}), and for subscribers
 * List-Unsubscribe with the https one-click link (and a {@code mailto:} one when
 * {@code broadsheet.newsletter.unsubscribe-mailto} is set) and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} (RFC 2369, RFC 8058). A test
 * send (no link secret) has no list-unsubscribe headers and says in its footer that it is
 * a test. Images are the site's own: no tracking pixel, no third-party resource.
 */
@Component
class NewsletterMail implements NewsletterMessages {

	private final PublishedArticles articles;

	private final MailComposer composer;

	private final MailLists lists;

	private final SiteLinks site;

	private final DkimSigning dkim;

	private final Clock clock;

	private final InternetAddress fromAddress;

	private final String host;

	private final String unsubscribeMailto;

	NewsletterMail(PublishedArticles articles, MailComposer composer, MailLists lists, SiteLinks site, DkimSigning dkim,
			Clock clock, @Value("${broadsheet.mail.from:${spring.mail.username:newsroom@localhost}}") String from,
			@Value("${broadsheet.newsletter.unsubscribe-mailto:}") String unsubscribeMailto) {
		this.articles = articles;
		this.composer = composer;
		this.lists = lists;
		this.site = site;
		this.dkim = dkim;
		this.clock = clock;
		try {
			// The sender is configuration, not a reader's mailbox: RFC 822's strict parse
			// of a bare address ("newsroom@localhost" included), not EmailAddress.
			this.fromAddress = new InternetAddress(from.strip(), true);
			if (fromAddress.getPersonal() != null || fromAddress.isGroup()) {
				throw new AddressException("Not a bare address", from);
			}
		}
		catch (AddressException ex) {
			throw new IllegalStateException("broadsheet.mail.from is not an e-mail address: " + from, ex);
		}
		this.host = fromAddress.getAddress().substring(fromAddress.getAddress().lastIndexOf('@') + 1);
		this.unsubscribeMailto = unsubscribeMailto.strip();
	}

	/**
	 * A send's rendered parts: for subscribers (with markers) and for a test send.
	 *
	 * @param encodedSubject the Subject header's value (RFC 2047 when not ASCII, folded)
	 * @param contentEncoding the transfer encoding of the parts: quoted-printable for
	 * mostly ASCII text, base64 for other scripts (where quoted-printable would triple
	 * the size)
	 */
	record PreparedSend(Content content, String encodedSubject, InternetAddress from, String listId, MailSegments html,
			MailSegments text, MailComposer.Parts test, String contentEncoding) implements Prepared {
	}

	@Override
	public Prepared prepare(Content content) {
		List<Article> found = articles.publishedByIds(content.articleIds());
		if (found.isEmpty() || (!content.digest() && found.size() < content.articleIds().size())) {
			throw new NotFound("article", content.articleIds());
		}
		var sendLists = lists.ofSend(content.sendId());
		String subject = headerText(content.subject());
		Article first = found.get(0);
		MailComposer.Parts subscriber;
		MailComposer.Parts test;
		if (content.digest()) {
			subscriber = composer.digest(found, composer.frame(subject, null, null, sendLists.names(), false));
			test = composer.digest(found, composer.frame(subject, null, null, sendLists.names(), true));
		}
		else {
			subscriber = composer.article(first,
					composer.frame(subject, first.summary(), first.language(), sendLists.names(), false));
			test = composer.article(first,
					composer.frame(subject, first.summary(), first.language(), sendLists.names(), true));
		}
		InternetAddress from = (InternetAddress) fromAddress.clone();
		try {
			from.setPersonal(MailAddresses.displayName(site.siteName()), StandardCharsets.UTF_8.name());
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is part of every Java runtime", ex);
		}
		String listId = listId(sendLists.label(), sendLists.names());
		String encodedSubject;
		try {
			encodedSubject = MimeUtility.fold(9, MimeUtility.encodeText(subject, StandardCharsets.UTF_8.name(), null));
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is part of every Java runtime", ex);
		}
		return new PreparedSend(content, encodedSubject, from, listId, MailSegments.of(subscriber.html()),
				MailSegments.of(subscriber.text()), test,
				mostlyAscii(subscriber.html()) ? "quoted-printable" : "base64");
	}

	@Override
	public MimeMessage message(Session session, Prepared prepared, Recipient recipient) throws MessagingException {
		var send = (PreparedSend) prepared;
		var message = new ComposedMessage(session);
		message.setFrom(send.from());
		message.setRecipient(Message.RecipientType.TO, MailAddresses.address(recipient.email(), recipient.name()));
		message.setHeader("Subject", send.encodedSubject());
		message.setSentDate(Date.from(clock.instant()));
		message.setHeader("Message-ID", "<" + send.content().sendId() + "." + recipient.subscriberId() + "."
				+ Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + "@" + host + ">");
		message.setHeader("List-Id", send.listId());
		String html;
		String text;
		if (recipient.linkSecret() == null) {
			html = send.test().html();
			text = send.test().text();
		}
		else {
			String preferences = site.absolute(
					SubscriberLinks.path(Purpose.PREFERENCES, recipient.subscriberId(), recipient.linkSecret(), 0));
			String unsubscribe = site.absolute(
					SubscriberLinks.path(Purpose.UNSUBSCRIBE, recipient.subscriberId(), recipient.linkSecret(), 0));
			html = send.html()
				.fill(HtmlUtils.htmlEscape(preferences), HtmlUtils.htmlEscape(unsubscribe),
						HtmlUtils.htmlEscape(recipient.email()));
			text = send.text().fill(preferences, unsubscribe, recipient.email());
			message.setHeader("List-Unsubscribe", listUnsubscribe(unsubscribe, recipient));
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		var alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(part(text, "plain", send.contentEncoding()));
		alternative.addBodyPart(part(html, "html", send.contentEncoding()));
		message.setContent(alternative);
		message.saveChanges();
		return dkim.sign(message);
	}

	@Override
	public String listName(org.broadsheet.newsletter.ListKey list) {
		return lists.name(list);
	}

	private static MimeBodyPart part(String content, String subtype, String encoding) throws MessagingException {
		var part = new MimeBodyPart();
		part.setText(content, StandardCharsets.UTF_8.name(), subtype);
		// Set here, so that saving the message need not scan each recipient's text.
		part.setHeader("Content-Transfer-Encoding", encoding);
		return part;
	}

	/**
	 * @return the List-Unsubscribe value: the https one-click link first (RFC 8058 §3.1),
	 * then a {@code mailto:} when configured, whose subject names the subscriber and
	 * their token
	 */
	private String listUnsubscribe(String unsubscribe, Recipient recipient) {
		String header = "<" + unsubscribe + ">";
		if (!unsubscribeMailto.isEmpty()) {
			String subject = "unsubscribe " + recipient.subscriberId() + " "
					+ SubscriberLinks.token(Purpose.UNSUBSCRIBE, recipient.subscriberId(), recipient.linkSecret(), 0);
			header += ", <mailto:" + unsubscribeMailto + "?subject="
					+ URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20") + ">";
		}
		return header;
	}

	/**
	 * @return the List-Id value (RFC 2919): the lists' names as a phrase (encoded when
	 * not ASCII) and {@code <label.newsletter.host>}
	 */
	private String listId(String label, String names) {
		String phrase = MailAddresses.displayName(names);
		try {
			String encoded = phrase.chars().allMatch(c -> c >= 32 && c < 127)
					? '"' + phrase.replace("\\", "\\\\").replace("\"", "\\\"") + '"'
					: MimeUtility.encodeWord(phrase, StandardCharsets.UTF_8.name(), "Q");
			return encoded + " <" + label + ".newsletter." + host + ">";
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("UTF-8 is part of every Java runtime", ex);
		}
	}

	/** A header's text: control characters (CR, LF, …) become spaces. */
	private static String headerText(String text) {
		String clean = MailAddresses.displayName(text);
		return clean == null ? "" : clean;
	}

	private static boolean mostlyAscii(String text) {
		long other = text.chars().filter(c -> c > 127).count();
		return other * 10 < text.length();
	}

	/** A message that keeps the Message-ID it was composed with when saved again. */
	private static final class ComposedMessage extends MimeMessage {

		ComposedMessage(Session session) {
			super(session);
		}

		@Override
		protected void updateMessageID() {
			// Set when composed: it names the send and the subscriber.
		}

	}

}
