package org.broadsheet.newsletter.sending;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sending throughput ({@code scripts/benchmark-newsletter.sh}): a site on SQLite with N
 * subscribers of the site list publishes an article; prints messages per second from the
 * send's first claim to its last delivery, into a local GreenMail, and the heap used.
 * Usage: {@code NewsletterBenchmark [N] [rate]} (10,000; 100,000 messages/s, i.e. no
 * limit).
 */
public final class NewsletterBenchmark {

	private NewsletterBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		String rate = args.length > 1 ? args[1] : "100000";
		((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.icegreen.greenmail"))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		try (var site = RunningSite.start(TestDatabases.newDataFolder(), "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + smtp.getSmtp().getPort(), "--broadsheet.newsletter.rate=" + rate,
				"--broadsheet.site.base-url=https://news.example", "--logging.level.root=warn")) {
			var jdbc = site.bean(JdbcClient.class);
			jdbc.sql("""
					WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
					INSERT INTO subscriber (email, email_key, status, link_secret, created_at, updated_at)
					SELECT 'reader' || i || '@example.org', 'reader' || i || '@example.org', 'active',
					'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I', 0, 0 FROM n""").param(subscribers).update();
			jdbc.sql(
					"INSERT INTO subscription (subscriber_id, list_key, created_at) SELECT id, 'site', 0 FROM subscriber")
				.update();
			var workflow = site.bean(ArticleWorkflow.class);
			long queueStart = System.nanoTime();
			long id = workflow.create(TestArticles.ACTOR,
					new ArticleDraft(null, "Benchmark", "Ports", List.of(AuthorProfile.named("Ada Quay")), "About",
							"Body", null, List.of(), null, ArticleStatus.DRAFT, null, null, null));
			workflow.publish(TestArticles.ACTOR, id);
			long queued = System.nanoTime() - queueStart;
			var sends = site.bean(NewsletterSends.class);
			NewsletterSend send;
			do {
				Thread.onSpinWait();
				send = sends.history(TestArticles.ACTOR, id).get(0);
			}
			while (send.active());
			double seconds = (send.finishedAt() - send.startedAt()) / 1000.0;
			System.gc();
			var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
			System.out.printf(
					"subscribers %d, sent %d, failed %d; publish with queueing %d ms; sending %.1f s = %.0f "
							+ "messages/s; GreenMail received %d; heap used after GC %d MB (of %d MB committed)%n",
					subscribers, send.sent(), send.failed(), Duration.ofNanos(queued).toMillis(), seconds,
					send.sent() / seconds, smtp.getReceivedMessages().length, heap.getUsed() >> 20,
					heap.getCommitted() >> 20);
		}
		finally {
			smtp.stop();
		}
	}

}
