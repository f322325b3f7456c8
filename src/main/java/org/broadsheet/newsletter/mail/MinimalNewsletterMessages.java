package org.broadsheet.newsletter.mail;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.broadsheet.article.Article;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.newsletter.subscription.SubscriberLinks;
import org.broadsheet.shared.NotFound;
import org.broadsheet.site.SiteLinks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A stand-in for the real messages (being written in the mail stream; delete this class
 * when that lands): plain text with the article's title and address, Message-ID, List-Id
 * and the RFC 8058 one-click unsubscribe headers.
 */
@Component
class MinimalNewsletterMessages implements NewsletterMessages {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final PublishedArticles articles;

	private final SiteLinks links;

	private final String from;

	MinimalNewsletterMessages(PublishedArticles articles, SiteLinks links,
			@Value("${broadsheet.mail.from:${spring.mail.username:newsroom@localhost}}") String from) {
		this.articles = articles;
		this.links = links;
		this.from = from;
	}

	private record Text(long sendId, String subject, String body, String site) implements Prepared {
	}

	@Override
	public Prepared prepare(Content content) {
		StringBuilder body = new StringBuilder();
		for (long id : content.articleIds()) {
			Article article = articles.publicById(id).orElseThrow(() -> new NotFound("article", id));
			body.append(article.title()).append("\n").append(links.absolute(article.path())).append("\n\n");
		}
		return new Text(content.sendId(), content.subject(), body.toString(), links.absolute("/"));
	}

	@Override
	public MimeMessage message(Session session, Prepared prepared, Recipient recipient) throws MessagingException {
		try {
			return build(session, (Text) prepared, recipient);
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new MessagingException("UTF-8", ex);
		}
	}

	private MimeMessage build(Session session, Text text, Recipient recipient)
			throws MessagingException, java.io.UnsupportedEncodingException {
		String host = URI.create(text.site()).getHost();
		String domain = host == null ? "localhost" : host;
		String messageId = "<" + text.sendId() + "." + recipient.subscriberId() + "."
				+ HexFormat.of().formatHex(random()) + "@" + domain + ">";
		var message = new MimeMessage(session) {
			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}
		};
		message.setFrom(new InternetAddress(from));
		var to = new InternetAddress(recipient.email());
		if (recipient.name() != null) {
			to.setPersonal(recipient.name(), "UTF-8");
		}
		message.setRecipient(MimeMessage.RecipientType.TO, to);
		message.setSubject(text.subject(), "UTF-8");
		message.setSentDate(new Date());
		message.setText(text.body(), "UTF-8");
		message.setHeader("List-Id", "<newsletter." + domain + ">");
		if (recipient.linkSecret() != null) {
			String unsubscribe = links.absolute(SubscriberLinks.path(SubscriberLinks.Purpose.UNSUBSCRIBE,
					recipient.subscriberId(), recipient.linkSecret(), 0));
			message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		return message;
	}

	private static byte[] random() {
		byte[] bytes = new byte[8];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
