package org.broadsheet.newsletter.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.exceptions.FailException;
import org.broadsheet.newsletter.mail.NewsletterMessages.Content;
import org.broadsheet.newsletter.mail.NewsletterMessages.Recipient;
import org.broadsheet.newsletter.subscription.SubscriberLinks;
import org.broadsheet.newsletter.subscription.SubscriberLinks.Purpose;
import org.broadsheet.shared.NotFound;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The e-mail of a real published article and of a digest, composed by the site's
 * {@link NewsletterMessages}, sent through a real SMTP server (GreenMail) and read back:
 * parts, headers (RFC 2369, 2919, 8058), absolute first-party links and images, caption
 * and credit, no active content, header injection in names impossible, DKIM verified by
 * an independent verifier (Apache James jDKIM) when configured and absent when not.
 */
class NewsletterMailTest {

	static final String SECRET = "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I";

	static GreenMail smtp;

	static MailFixture fixture;

	static NewsletterMessages messages;

	static Session session;

	@BeforeAll
	static void start() throws Exception {
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		fixture = new MailFixture("--broadsheet.site.base-url=" + MailFixture.BASE,
				"--broadsheet.mail.from=newsletter@news.example.org",
				"--broadsheet.newsletter.unsubscribe-mailto=unsubscribe@news.example.org");
		messages = fixture.site.bean(NewsletterMessages.class);
		session = MailFixture.session(smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stop() {
		if (fixture != null) {
			fixture.close();
		}
		smtp.stop();
	}

	@BeforeEach
	void empty() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
	}

	static MimeMessage sendAndReceive(MimeMessage message) throws Exception {
		try (var transport = session.getTransport("smtp")) {
			transport.connect();
			transport.sendMessage(message, message.getAllRecipients());
		}
		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		return received[0];
	}

	static Part part(MimeMessage message, String type) throws Exception {
		var multipart = (Multipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			if (multipart.getBodyPart(i).isMimeType(type)) {
				return multipart.getBodyPart(i);
			}
		}
		throw new AssertionError("no " + type + " part");
	}

	@Test
	void anArticleArrivesWithBothPartsTheListHeadersAndAbsoluteFirstPartyLinks() throws Exception {
		long sendId = fixture.send("article", fixture.fullId, "site section:1");
		var prepared = messages
			.prepare(new Content(sendId, List.of(fixture.fullId), "Russia’s N Korea approach", false));
		var received = sendAndReceive(
				messages.message(session, prepared, new Recipient(42, "reader@example.com", "Rita Reader", SECRET)));

		assertThat(received.isMimeType("multipart/alternative")).isTrue();
		var multipart = (Multipart) received.getContent();
		assertThat(multipart.getCount()).isEqualTo(2);
		assertThat(multipart.getBodyPart(0).isMimeType("text/plain")).as("plain text first, the richer part last")
			.isTrue();
		assertThat(multipart.getBodyPart(1).isMimeType("text/html")).isTrue();

		var from = (InternetAddress) received.getFrom()[0];
		assertThat(from.getAddress()).isEqualTo("newsletter@news.example.org");
		assertThat(from.getPersonal()).isEqualTo("The Broadsheet Review");
		var to = (InternetAddress) received.getRecipients(Message.RecipientType.TO)[0];
		assertThat(to.getAddress()).isEqualTo("reader@example.com");
		assertThat(to.getPersonal()).isEqualTo("Rita Reader");
		assertThat(received.getSubject()).isEqualTo("Russia’s N Korea approach");
		assertThat(received.getHeader("Subject")[0]).as("encoded (RFC 2047)").startsWith("=?UTF-8?");
		assertThat(received.getSentDate()).isNotNull();
		assertThat(received.getMessageID()).matches("<" + sendId + "\\.42\\.[0-9a-f]+@news\\.example\\.org>");
		assertThat(received.getHeader("List-Id")[0]).endsWith("<site.newsletter.news.example.org>")
			.contains("everything The Broadsheet Review publishes");
		assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		String unsubscribe = MailFixture.BASE + SubscriberLinks.path(Purpose.UNSUBSCRIBE, 42, SECRET, 0);
		assertThat(received.getHeader("List-Unsubscribe")[0]).startsWith("<" + unsubscribe + ">, <mailto:")
			.contains("unsubscribe@news.example.org?subject=unsubscribe%2042%20");
		assertThat(received.getHeader("DKIM-Signature")).as("no key configured").isNull();

		String html = (String) part(received, "text/html").getContent();
		Document page = Jsoup.parse(html, MailFixture.BASE);
		assertThat(page.select("meta[name=color-scheme]").attr("content")).isEqualTo("light dark");
		assertThat(page.select("meta[name=supported-color-schemes]")).hasSize(1);
		assertThat(page.select("h1").text()).isEqualTo("Russia’s N Korea approach");
		assertThat(page.text()).contains("By Ann Mail and Bob Mail", "Leaders meet in Pyongyang", "Xinhua",
				"Russia doesn’t play by the rules", "First paragraph with a relative link", "Last paragraph.",
				"Ann Mail is a senior fellow.", "Bob Mail writes on Asia.",
				"The longer version first appeared in Carnegie Commentary.", "Read the original in Carnegie Commentary",
				"Comment on this article", "everything The Broadsheet Review publishes, the section Opinion",
				"It was sent to reader@example.com.");
		assertThat(page.select("a:contains(relative link)").attr("href")).isEqualTo(MailFixture.BASE + "/about");
		assertThat(page.select("a:contains(Comment on this article)").attr("href"))
			.isEqualTo(MailFixture.BASE + "/opinion/n-korea#comments");
		assertThat(page.select("a:contains(Your newsletter preferences)").attr("href"))
			.isEqualTo(MailFixture.BASE + SubscriberLinks.path(Purpose.PREFERENCES, 42, SECRET, 0));
		assertThat(page.select("a:contains(Unsubscribe)").attr("href")).isEqualTo(unsubscribe);
		assertThat(page.select("a:contains(dQw4w9WgXcQ)")).as("the embed is a link").isNotEmpty();
		assertThat(page.select("a[href=https://tracker.example.com/pixel.gif]")).as("a third-party image is a link")
			.hasSize(1);
		List<String> images = page.select("img").eachAttr("src");
		assertThat(images).isNotEmpty().allMatch(src -> src.startsWith(MailFixture.BASE + "/media/"));
		String lead = page.selectFirst("img").attr("src");
		assertThat(lead).as("the 960-pixel variant").contains("-960.");
		assertThat(fixture.site.get(lead.substring(MailFixture.BASE.length())).status()).isEqualTo(200);
		for (String href : page.select("a[href]").eachAttr("href")) {
			assertThat(href).startsWith("https://");
		}
		assertThat(page.select("script, iframe, form, input, object, embed, link, video, audio")).isEmpty();
		assertThat(page.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
			.noneMatch(attribute -> attribute.getKey().startsWith("on")));

		String text = ((String) part(received, "text/plain").getContent()).replace("\r\n", "\n");
		assertThat(text)
			.contains("Russia’s N Korea approach\nBy Ann Mail and Bob Mail\n" + MailFixture.BASE + "/opinion/n-korea",
					"[Leaders meet in Pyongyang Xinhua]", "relative link <" + MailFixture.BASE + "/about>",
					"\n\nLast paragraph.\n\n",
					"Comment on this article: " + MailFixture.BASE + "/opinion/n-korea#comments",
					"Unsubscribe: " + unsubscribe)
			.doesNotContain("<p>", "&amp;", "\u0001");
	}

	@Test
	void aTestSendSaysSoAndCarriesNoUnsubscribeLinks() throws Exception {
		long sendId = fixture.send("test", fixture.fullId, "site");
		var prepared = messages.prepare(new Content(sendId, List.of(fixture.fullId), "Test: the article", false));
		var received = sendAndReceive(
				messages.message(session, prepared, new Recipient(0, "editor@example.com", null, null)));
		assertThat(received.getHeader("List-Unsubscribe")).isNull();
		assertThat(received.getHeader("List-Unsubscribe-Post")).isNull();
		assertThat(received.getHeader("List-Id")).isNotNull();
		assertThat(received.getMessageID()).startsWith("<" + sendId + ".0.");
		String html = (String) part(received, "text/html").getContent();
		assertThat(Jsoup.parse(html).text()).contains("This is a test send.").doesNotContain("Unsubscribe");
		assertThat((String) part(received, "text/plain").getContent()).contains("This is a test send.");
	}

	@Test
	void aNameCannotAddHeaders() throws Exception {
		long sendId = fixture.send("article", fixture.plainId, "site");
		var prepared = messages
			.prepare(new Content(sendId, List.of(fixture.plainId), "Plain\r\nBcc: x@example.com", false));
		var message = messages.message(session, prepared, new Recipient(7, "eve@example.com",
				"Eve\r\nBcc: victim@example.org\r\nX-Injected: yes\u0085\u2028", SECRET));
		var received = sendAndReceive(message);
		String raw = GreenMailUtil.getWholeMessage(received);
		assertThat(raw).doesNotContainPattern("(?m)^(Bcc|X-Injected):");
		assertThat(received.getHeader("Bcc")).isNull();
		assertThat(received.getHeader("X-Injected")).isNull();
		assertThat(received.getAllRecipients()).hasSize(1);
		assertThat(((InternetAddress) received.getAllRecipients()[0]).getPersonal())
			.isEqualTo("Eve Bcc: victim@example.org X-Injected: yes");
		assertThat(received.getSubject()).isEqualTo("Plain Bcc: x@example.com");
		assertThat(smtp.getUserManager().getUserByEmail("victim@example.org")).as("no mailbox got a copy").isNull();
		assertThatThrownBy(() -> messages.message(session, prepared,
				new Recipient(8, "eve@example.com\r\nBcc: victim@example.org", "Eve", SECRET)))
			.isInstanceOf(jakarta.mail.internet.AddressException.class);
		assertThatThrownBy(() -> messages.message(session, prepared,
				new Recipient(8, "Eve <eve@example.com>, victim@example.org", null, SECRET)))
			.isInstanceOf(jakarta.mail.internet.AddressException.class);
	}

	@Test
	void aDigestCarriesATeaserOfEachArticle() throws Exception {
		long sendId = fixture.send("digest", null, "section:1");
		var prepared = messages
			.prepare(new Content(sendId, List.of(fixture.plainId, fixture.fullId), "This week’s articles", true));
		var received = sendAndReceive(
				messages.message(session, prepared, new Recipient(43, "reader@example.com", "Rita", SECRET)));
		assertThat(received.getHeader("List-Id")[0]).endsWith("<section-1.newsletter.news.example.org>");
		Document page = Jsoup.parse((String) part(received, "text/html").getContent());
		assertThat(page.select("h2").eachText()).containsExactly("A plain story", "Russia’s N Korea approach");
		assertThat(page.select("h2 a").eachAttr("href")).containsExactly(MailFixture.BASE + "/news/a-plain-story",
				MailFixture.BASE + "/opinion/n-korea");
		assertThat(page.text()).contains("The plain standfirst", "By Cy Mail", "By Ann Mail and Bob Mail");
		String text = ((String) part(received, "text/plain").getContent()).replace("\r\n", "\n");
		assertThat(text).contains(
				"A plain story\nBy Cy Mail\nThe plain standfirst\n" + MailFixture.BASE + "/news/a-plain-story",
				"This week’s articles");
	}

	@Test
	void anArticleThatIsNotPublishedIsNotFound() {
		assertThatThrownBy(() -> messages.prepare(new Content(1, List.of(999_999L), "x", false)))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> messages.prepare(new Content(1, List.of(999_999L), "x", true)))
			.isInstanceOf(NotFound.class);
	}

	@Test
	void aSignedMessageVerifiesWithTheIndependentVerifierAfterTheSmtpServer() throws Exception {
		var key = MailFixture.Key.generate();
		var signed = fixture.mail(new DkimSigning("news.example.org", "mail2026", key.pem().toString()), "");
		long sendId = fixture.send("test", fixture.fullId, "site");
		var prepared = signed.prepare(new Content(sendId, List.of(fixture.fullId), "Russia’s N Korea approach", false));
		var received = sendAndReceive(
				signed.message(session, prepared, new Recipient(44, "reader@example.com", "Rita Reader", SECRET)));
		assertThat(received.getHeader("DKIM-Signature")).hasSize(1);
		String signature = received.getHeader("DKIM-Signature")[0].replaceAll("\\s+", "");
		assertThat(signature).contains("d=news.example.org", "s=mail2026", "a=rsa-sha256");
		assertThat(signature.substring(signature.indexOf("h=")).split(";")[0].toLowerCase()).contains("from", "to",
				"subject", "date", "message-id", "list-unsubscribe", "list-unsubscribe-post");
		assertThat(received.getMessageID()).startsWith("<" + sendId + ".44.");
		assertThat(received.getHeader("List-Unsubscribe")[0]).doesNotContain("mailto:");

		byte[] raw = GreenMailUtil.getWholeMessage(received).getBytes(StandardCharsets.ISO_8859_1);
		List<String> asked = new ArrayList<>();
		var verifier = new DKIMVerifier((method, selector, domain) -> {
			asked.add(selector + "._domainkey." + domain);
			return List.of(key.record());
		});
		assertThat(verifier.verify(new ByteArrayInputStream(raw))).hasSize(1);
		assertThat(asked).containsExactly("mail2026._domainkey.news.example.org");

		String tampered = new String(raw, StandardCharsets.ISO_8859_1).replace("Last paragraph.", "Last paragraph!");
		assertThatThrownBy(() -> new DKIMVerifier((m, s, d) -> List.of(key.record()))
			.verify(new ByteArrayInputStream(tampered.getBytes(StandardCharsets.ISO_8859_1))))
			.isInstanceOf(FailException.class);
	}

}
