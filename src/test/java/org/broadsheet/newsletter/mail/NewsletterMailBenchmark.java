package org.broadsheet.newsletter.mail;

import java.io.OutputStream;
import java.util.List;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.broadsheet.newsletter.mail.NewsletterMessages.Content;
import org.broadsheet.newsletter.mail.NewsletterMessages.Prepared;
import org.broadsheet.newsletter.mail.NewsletterMessages.Recipient;

/**
 * How fast a send's messages are made, without SMTP: one prepare, then 10,000 recipients'
 * messages, each also written out (its MIME encoding, as a transport would) to nowhere;
 * then the same with DKIM signatures (RSA 2048). Run with the test class path:
 * {@code java -cp target/classes:target/test-classes:<deps>
 * org.broadsheet.newsletter.mail.NewsletterMailBenchmark}.
 */
public final class NewsletterMailBenchmark {

	static final int RECIPIENTS = 10_000;

	private NewsletterMailBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		try (var fixture = new MailFixture("--broadsheet.site.base-url=" + MailFixture.BASE,
				"--logging.level.root=WARN")) {
			var session = MailFixture.session(25);
			var key = MailFixture.Key.generate();
			var plain = fixture.mail(new DkimSigning("", "", ""), "");
			var signed = fixture.mail(new DkimSigning("news.example.org", "s1", key.pem().toString()), "");
			long sendId = fixture.send("test", fixture.fullId, "site");
			var content = new Content(sendId, List.of(fixture.fullId), "Russia’s N Korea approach", false);
			long start = System.nanoTime();
			var prepared = plain.prepare(content);
			System.out.printf("prepare: %.1f ms%n", (System.nanoTime() - start) / 1e6);
			run("message() only (warm-up)", plain, session, prepared, false);
			run("message() only", plain, session, prepared, false);
			run("message() + MIME encoding", plain, session, prepared, true);
			run("message() + MIME encoding + DKIM", signed, session, signed.prepare(content), true);
		}
	}

	private static void run(String what, NewsletterMail mail, Session session, Prepared prepared, boolean write)
			throws Exception {
		Runtime runtime = Runtime.getRuntime();
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		long bytes = 0;
		long cpu = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		for (int i = 1; i <= RECIPIENTS; i++) {
			MimeMessage message = mail.message(session, prepared,
					new Recipient(i, "reader" + i + "@example.com", "Reader " + i, "secret-of-" + i));
			if (write) {
				var counting = new Counting();
				message.writeTo(counting);
				bytes += counting.count;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
		// CPU time tells the cost on a shared machine, where wall time depends on the
		// load.
		System.out.printf(
				"%s: %,d messages in %.2f s (%.2f s of CPU) = %,.0f messages/s, %,.0f per CPU-second%s; heap used %,d MB%n",
				what, RECIPIENTS, seconds, cpuSeconds, RECIPIENTS / seconds, RECIPIENTS / cpuSeconds,
				write ? String.format(", %,d bytes each", bytes / RECIPIENTS) : "",
				(runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
	}

	private static final class Counting extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			count += len;
		}

	}

}
