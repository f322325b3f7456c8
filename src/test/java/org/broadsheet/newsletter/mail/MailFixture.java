package org.broadsheet.newsletter.mail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

import javax.imageio.ImageIO;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.ImageUse;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.article.Syndication;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.site.SiteLinks;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A running site with published articles for the e-mail tests and the benchmark: a full
 * article (two authors with bios, a lead image with caption and credit, a syndication
 * note, a body with a relative link, an embed, a third-party image and raw HTML the
 * renderer cleans) and a plain one.
 */
final class MailFixture implements AutoCloseable {

	static final String BASE = "https://news.example.org";

	static final String BODY = """
			First paragraph with a [relative link](/about) and *emphasis*.

			<script>alert(1)</script><img src="/media/none.png" onerror="alert(1)" alt="broken">

			https://www.youtube.com/watch?v=dQw4w9WgXcQ

			![a tracker](https://tracker.example.com/pixel.gif)

			<form action="https://evil.example.com/"><input name="x"></form>

			Last paragraph.
			""";

	final RunningSite site;

	final long fullId;

	final long plainId;

	MailFixture(String... options) throws IOException {
		site = RunningSite.start(TestDatabases.newDataFolder(), options);
		var image = Files.createTempFile("lead", ".png");
		ImageIO.write(new BufferedImage(1200, 675, BufferedImage.TYPE_INT_RGB), "png", image.toFile());
		long imageId = site.bean(MediaLibrary.class)
			.store(image, "Two leaders shake hands", "Leaders meet in Pyongyang", "Xinhua")
			.id();
		var workflow = site.bean(ArticleWorkflow.class);
		fullId = workflow
			.store(TestArticles.ACTOR, new ArticleDraft("n-korea", "Russia’s N Korea approach", "Opinion",
					List.of(new AuthorProfile("Ann Mail", null, null, "Ann Mail is a senior fellow."),
							new AuthorProfile("Bob Mail", null, null, "Bob Mail writes on Asia.")),
					"Russia doesn’t play by the rules, writes Ann Mail.", BODY, new ImageUse(imageId, null, null, null),
					List.of(), null, ArticleStatus.PUBLISHED, Instant.parse("2026-11-01T10:00:00Z"), null,
					new Syndication("Carnegie Commentary", "The longer version first appeared in Carnegie Commentary",
							"https://carnegie.example.org/commentary/1")))
			.id();
		plainId = workflow
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, "A plain story", "News", List.of(AuthorProfile.named("Cy Mail")),
							"The plain standfirst", "Plain body.", null, List.of(), null, ArticleStatus.PUBLISHED,
							Instant.parse("2026-11-02T10:00:00Z"), null, null))
			.id();
	}

	/**
	 * @return a send row for these lists, as the sending engine stores one
	 */
	long send(String kind, Long articleId, String listKeys) {
		return site.bean(JdbcClient.class)
			.sql("""
					INSERT INTO newsletter_send (kind, article_id, list_keys, subject, status, created_at)
					VALUES (?, ?, ?, 'subject', 'queued', 0) RETURNING id""")
			.params(kind, articleId, listKeys)
			.query(Long.class)
			.single();
	}

	/**
	 * @return the e-mails as the site makes them, signed with {@code dkim}
	 */
	NewsletterMail mail(DkimSigning dkim, String mailto) {
		return new NewsletterMail(site.bean(PublishedArticles.class), site.bean(MailComposer.class),
				site.bean(MailLists.class), site.bean(SiteLinks.class), dkim, Clock.systemUTC(),
				"newsletter@news.example.org", mailto);
	}

	static Session session(int port) {
		var properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(port));
		return Session.getInstance(properties);
	}

	/** An RSA key pair and the PKCS#8 PEM file of its private key. */
	record Key(KeyPair pair, Path pem) {

		static Key generate() throws IOException, NoSuchAlgorithmException {
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			Path pem = Files.createTempFile("dkim", ".pem");
			Files.writeString(pem,
					"-----BEGIN PRIVATE KEY-----\n"
							+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
								.encodeToString(pair.getPrivate().getEncoded())
							+ "\n-----END PRIVATE KEY-----\n");
			return new Key(pair, pem);
		}

		/** The TXT record to publish at {@code selector._domainkey.domain}. */
		String record() {
			return "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
		}

	}

	static byte[] bytes(MimeMessage message) throws IOException, MessagingException {
		var out = new ByteArrayOutputStream();
		message.writeTo(out);
		return out.toByteArray();
	}

	@Override
	public void close() {
		site.close();
	}

}
