package org.broadsheet.newsletter.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

import org.broadsheet.support.NodeProcess;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.Varnish;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The at-most-once rule under a crash: a node sending a send to 10,000 subscribers is
 * killed with SIGKILL half-way; a new node on the same database takes over the rows whose
 * claims expired. GreenMail (in this JVM) counts what arrived: no subscriber has two
 * messages, and every subscriber has one, except at most the one message whose row was
 * marked sent in the instant between the mark and the final dot, if the kill fell there
 * (the rule loses, never doubles; its row then says sent).
 */
class NewsletterCrashTest {

	static final int SUBSCRIBERS = 10_000;

	private final GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@AfterEach
	void stop() {
		smtp.stop();
	}

	@Test
	void aKilledNodeLeavesEverySubscriberExactlyOneMessage() throws Exception {
		// A line per new mailbox would cost more than the sending.
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail"))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		smtp.start();
		Path data = TestDatabases.newDataFolder();
		List<String> options = List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
				"--broadsheet.newsletter.rate=100000", "--broadsheet.newsletter.batch=100",
				"--broadsheet.newsletter.claim=3s", "--broadsheet.newsletter.poll-interval=200ms",
				"--broadsheet.demo.enabled=true", "--broadsheet.site.base-url=https://news.example");
		var first = NodeProcess.start(Varnish.freePort(), data, options);
		NodeProcess second = null;
		try {
			first.awaitReady(Duration.ofSeconds(60));
			try (var db = database(data)) {
				queue(db);
			}
			// Generous bounds: a loaded machine sends slowly, and only the counts matter.
			// Each look copies every message received: not too often.
			await().atMost(Duration.ofMinutes(5))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> smtp.getReceivedMessages().length >= SUBSCRIBERS / 2);
			first.kill();
			int beforeRestart = smtp.getReceivedMessages().length;
			assertThat(beforeRestart).isLessThan(SUBSCRIBERS);

			second = NodeProcess.start(Varnish.freePort(), data, options);
			second.awaitReady(Duration.ofSeconds(60));
			try (var db = database(data)) {
				await().atMost(Duration.ofMinutes(5))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> count(db, "SELECT COUNT(*) FROM newsletter_send WHERE status = 'finished' "
							+ "AND kind = 'article'") == 1);
				assertThat(count(db, "SELECT COUNT(*) FROM newsletter_delivery WHERE status = 'sent'"))
					.isEqualTo(SUBSCRIBERS);
			}
		}
		finally {
			first.kill();
			if (second != null) {
				second.close();
			}
		}
		Map<String, Long> perRecipient = Arrays.stream(smtp.getReceivedMessages()).map(message -> {
			try {
				return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		assertThat(perRecipient.values()).as("nobody gets a message twice").allMatch(n -> n == 1);
		assertThat(perRecipient.size()).isBetween(SUBSCRIBERS - 1, SUBSCRIBERS);
	}

	private static Connection database(Path data) throws SQLException {
		var connection = DriverManager
			.getConnection("jdbc:sqlite:" + data.resolve("broadsheet.db") + "?busy_timeout=10000");
		return connection;
	}

	/**
	 * What {@link NewsletterSends} writes for a send, for 10,000 subscribers of the site.
	 */
	private static void queue(Connection db) throws SQLException {
		db.setAutoCommit(false);
		try (var sql = db.createStatement()) {
			sql.executeUpdate("""
					WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %d)
					INSERT INTO subscriber (email, email_key, status, link_secret, created_at, updated_at)
					SELECT 'reader' || i || '@example.org', 'reader' || i || '@example.org', 'active', 'secret', 0, 0
					FROM n""".formatted(SUBSCRIBERS));
			sql.executeUpdate("INSERT INTO subscription (subscriber_id, list_key, created_at) SELECT id, 'site', 0 "
					+ "FROM subscriber");
			sql.executeUpdate(
					"""
							INSERT INTO newsletter_send (kind, article_id, list_keys, subject, status, created_at)
							SELECT 'article', MIN(id), 'site', 'Crash test', 'queued', 0 FROM article WHERE status = 'published'""");
			sql.executeUpdate("""
					INSERT INTO newsletter_delivery (send_id, subscriber_id, status, attempts)
					SELECT (SELECT MAX(id) FROM newsletter_send), id, 'queued', 0 FROM subscriber""");
		}
		db.commit();
	}

	private static long count(Connection db, String query) throws SQLException {
		try (var sql = db.createStatement(); var rows = sql.executeQuery(query)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
