package org.broadsheet.newsletter.subscription;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

import org.broadsheet.newsletter.ListKey;
import org.broadsheet.newsletter.subscription.SubscriberLinks.Purpose;
import org.broadsheet.site.SiteLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The double opt-in e-mail: plain text and simple HTML (multipart/alternative) in the
 * site's language, naming the lists asked for and carrying the signed, expiring confirm
 * link. Written on the caller's thread (the link's absolute URL may come from the
 * request), sent on another one after the sign-up committed, so neither SMTP's time nor
 * its failure shows in the answer.
 */
@Component
class ConfirmationMail {

	private static final Logger log = LoggerFactory.getLogger(ConfirmationMail.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final Executor sending;

	private final SiteLinks site;

	private final NewsletterLists lists;

	private final String from;

	ConfirmationMail(ObjectProvider<JavaMailSender> mail,
			@Qualifier("applicationTaskExecutor") ObjectProvider<TaskExecutor> executor, SiteLinks site,
			NewsletterLists lists,
			@Value("${broadsheet.mail.from:${spring.mail.username:newsroom@localhost}}") String from) {
		this.mail = mail;
		this.sending = executor.getIfAvailable(() -> Runnable::run);
		this.site = site;
		this.lists = lists;
		this.from = from;
	}

	/**
	 * @return whether e-mail can be sent (SMTP is configured)
	 */
	boolean available() {
		return mail.getIfAvailable() != null;
	}

	/** What a confirmation mail needs, read in the sign-up's transaction. */
	record Confirmation(long subscriberId, String email, String name, String linkSecret, long expiresAt,
			List<ListKey> lists) {
	}

	/**
	 * Prepares the message now and sends it on another thread; a failure is logged (the
	 * reader can sign up again).
	 */
	void send(Confirmation confirmation) {
		var sender = mail.getIfAvailable();
		if (sender == null) {
			return;
		}
		String link = site.absolute(SubscriberLinks.path(Purpose.CONFIRM, confirmation.subscriberId(),
				confirmation.linkSecret(), confirmation.expiresAt()));
		String siteName = site.siteName();
		List<String> names = lists.named(confirmation.lists()).stream().map(NewsletterLists.Choice::label).toList();
		String intro = lists.t("newsletter.mail.intro", siteName);
		String outro = lists.t("newsletter.mail.outro");
		String text = intro + "\n\n" + names.stream().map(n -> "- " + n).collect(Collectors.joining("\n")) + "\n\n"
				+ lists.t("newsletter.mail.button") + ":\n" + link + "\n\n" + outro + "\n";
		String html = "<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(site.language()) + "\" dir=\""
				+ site.direction(null) + "\"><body style=\"font-family:sans-serif;line-height:1.5;color:#1a1a1a\">"
				+ "<p>" + escape(intro) + "</p><ul>"
				+ names.stream().map(n -> "<li>" + escape(n) + "</li>").collect(Collectors.joining()) + "</ul>"
				+ "<p><a href=\"" + escape(link) + "\" style=\"display:inline-block;padding:10px 16px;"
				+ "background:#1a1a1a;color:#ffffff;text-decoration:none;border-radius:4px\">"
				+ escape(lists.t("newsletter.mail.button")) + "</a></p><p>" + escape(outro) + "</p></body></html>";
		var message = sender.createMimeMessage();
		try {
			var helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(from);
			helper.setTo(new InternetAddress(confirmation.email(), confirmation.name(), StandardCharsets.UTF_8.name()));
			helper.setSubject(lists.t("newsletter.mail.subject", siteName));
			helper.setText(text, html);
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			log.warn("Could not write a newsletter confirmation mail: {}", ex.getMessage());
			return;
		}
		sending.execute(() -> {
			try {
				sender.send(message);
			}
			catch (RuntimeException ex) {
				log.warn("Could not send a newsletter confirmation mail: {}", ex.getMessage());
			}
		});
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
	}

}
