package org.broadsheet.newsletter.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.broadsheet.account.Account;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.shared.Conflict;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Newsletter sends end to end through a real SMTP server (GreenMail): publishing sends
 * each subscriber of the article's lists exactly one message (one even when in two lists;
 * none to pending subscribers or other lists), with unique Message-IDs and the one-click
 * unsubscribe headers; publishing again sends nothing; a test send reaches only the
 * editor; "Send as newsletter" once; permanent refusals are recorded per recipient and
 * three in a row pause the subscriber; the newsroom panel and its JSON. Subscribers are
 * rows written here (the subscription stream owns sign-up). Subclasses give the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NewsletterSendingContract {

	static final Duration SOON = Duration.ofSeconds(20);

	static final String PASSWORD = "a long enough password";

	GreenMail smtp;

	RunningSite site;

	List<String> options;

	JdbcClient jdbc;

	ArticleWorkflow workflow;

	NewsletterSends sends;

	int articles;

	/**
	 * @return options that put the site on the database under test
	 */
	abstract List<String> database(Path data);

	@BeforeAll
	void start() {
		smtp = new RefusingGreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
				java.util.Set.of("nowhere@example.org"));
		smtp.start();
		Path data = TestDatabases.newDataFolder();
		options = new ArrayList<>(database(data));
		options.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
				"--broadsheet.mail.from=news@news.example", "--broadsheet.site.base-url=https://news.example",
				"--broadsheet.newsletter.rate=500", "--broadsheet.newsletter.poll-interval=100ms"));
		site = RunningSite.start(data, options.toArray(String[]::new));
		jdbc = site.bean(JdbcClient.class);
		workflow = site.bean(ArticleWorkflow.class);
		sends = site.bean(NewsletterSends.class);
	}

	@AfterAll
	void stop() {
		site.close();
		smtp.stop();
	}

	@BeforeEach
	void emptyMailboxAndLists() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		jdbc.sql("DELETE FROM subscriber").update();
	}

	/** Publishes an article by {@code author} in {@code section}. */
	Article publish(String section, String author) {
		String title = "Dispatch " + (++articles);
		long id = workflow.create(TestArticles.ACTOR,
				new ArticleDraft(null, title, section, List.of(AuthorProfile.named(author)), "About " + title,
						"Body of " + title, null, List.of(), null, ArticleStatus.DRAFT, null, null, null));
		workflow.publish(TestArticles.ACTOR, id);
		return site.bean(PublishedArticles.class).publicById(id).orElseThrow();
	}

	/** A subscriber row with its lists, as the subscription stream writes them. */
	long subscriber(String email, String status, String... lists) {
		long now = System.currentTimeMillis();
		long id = jdbc.sql("""
				INSERT INTO subscriber (email, email_key, status, link_secret, created_at, confirmed_at, updated_at)
				VALUES (?, ?, ?, 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I', ?, ?, ?) RETURNING id""")
			.params(email, email, status, now, now, now)
			.query(Long.class)
			.single();
		for (String list : lists) {
			jdbc.sql("INSERT INTO subscription (subscriber_id, list_key, created_at) VALUES (?, ?, ?)")
				.params(id, list, now)
				.update();
		}
		return id;
	}

	Map<String, List<MimeMessage>> byRecipient() {
		return Arrays.stream(smtp.getReceivedMessages()).collect(Collectors.groupingBy(m -> {
			try {
				return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}));
	}

	NewsletterSend articleSend(long articleId) {
		return sends.history(TestArticles.ACTOR, articleId)
			.stream()
			.filter(s -> "article".equals(s.kind()))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void publishingSendsEachSubscriberOfTheListsOneMessage() throws Exception {
		Article first = publish("Ports", "Ada Quay");
		assertThat(sends.history(TestArticles.ACTOR, first.id()))
			.as("no subscribers yet: nothing queued "
					+ jdbc.sql("SELECT subscriber_id || ' ' || list_key FROM subscription").query(String.class).list())
			.isEmpty();
		String section = "section:" + first.section().id();
		String author = "author:" + first.authors().get(0).id();
		subscriber("site@example.org", "active", "site");
		subscriber("both@example.org", "active", section, author);
		subscriber("all@example.org", "active", "site", section, author);
		subscriber("pending@example.org", "pending", "site");
		subscriber("paused@example.org", "paused", "site");
		subscriber("other@example.org", "active", "section:999999");

		Article article = publish("Ports", "Ada Quay");
		await().atMost(SOON).until(() -> articleSend(article.id()).status().equals("finished"));

		var received = byRecipient();
		assertThat(received.keySet()).containsExactlyInAnyOrder("site@example.org", "both@example.org",
				"all@example.org");
		assertThat(received.values()).allSatisfy(messages -> assertThat(messages).hasSize(1));
		List<String> ids = new ArrayList<>();
		for (var messages : received.values()) {
			MimeMessage message = messages.get(0);
			ids.add(message.getMessageID());
			assertThat(message.getSubject()).isEqualTo(article.title());
			assertThat(message.getHeader("List-Unsubscribe")[0]).startsWith("<https://news.example/newsletter/");
			assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		}
		assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
		var send = articleSend(article.id());
		assertThat(send.sent()).isEqualTo(3);
		assertThat(send.failed() + send.remaining()).isZero();
		assertThat(send.listKeys().split(" ")).containsExactly("site", section, author);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM change_log WHERE subject = 'newsletter' AND subject_id = ?")
			.param(send.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		// Published again: the article was sent, nothing goes out twice.
		workflow.unpublish(TestArticles.ACTOR, article.id(), null);
		workflow.publish(TestArticles.ACTOR, article.id());
		assertThatThrownBy(() -> sends.send(TestArticles.ACTOR, article.id())).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("already");
		assertThat(sends.history(TestArticles.ACTOR, article.id())).hasSize(1);
		assertThat(smtp.getReceivedMessages()).hasSize(3);
	}

	@Test
	void editorTestsThenSendsAnArticleOnce() throws Exception {
		Article article = publish("Harbours", "Bo Pier");
		String section = "section:" + article.section().id();
		subscriber("harbour-reader@example.org", "active", section);
		Account editor = site.bean(Accounts.class)
			.create(TestArticles.ACTOR, "editor@news.example", "Ed Itor", Role.EDITOR, PASSWORD);
		Account author = site.bean(Accounts.class)
			.create(TestArticles.ACTOR, "author@news.example", "Au Thor", Role.AUTHOR, PASSWORD);
		assertThatThrownBy(() -> sends.test(author, article.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> sends.send(author, article.id())).isInstanceOf(AccessDeniedException.class);

		var test = sends.test(editor, article.id());
		assertThat(test.kind()).isEqualTo("test");
		assertThat(test.status()).isEqualTo("finished");
		assertThat(byRecipient().keySet()).containsExactly("editor@news.example");

		var browser = new NewsroomBrowser(site).signIn("editor@news.example", PASSWORD);
		var panel = browser.get("/newsroom/articles/" + article.id() + "/newsletter?confirm");
		assertThat(panel.statusCode()).isEqualTo(200);
		assertThat(panel.body()).contains("/newsletter/send").contains("1");
		var sent = browser.post("/newsroom/articles/" + article.id() + "/newsletter/send", Map.of());
		assertThat(sent.statusCode()).isEqualTo(302);
		await().atMost(SOON).until(() -> articleSend(article.id()).status().equals("finished"));
		assertThat(byRecipient().keySet()).containsExactlyInAnyOrder("editor@news.example",
				"harbour-reader@example.org");
		var send = articleSend(article.id());
		var json = browser.get("/newsroom/newsletter/sends/" + send.id());
		assertThat(json.body()).contains("\"sent\":1").contains("\"remaining\":0").contains("\"failed\":0");
		var history = browser.get("/newsroom/articles/" + article.id() + "/newsletter");
		assertThat(history.body()).contains("data-progress=\"/newsroom/newsletter/sends/" + send.id() + "\"");
		assertThat(browser.post("/newsroom/articles/" + article.id() + "/newsletter/send", Map.of()).statusCode())
			.isEqualTo(409);
		assertThat(smtp.getReceivedMessages()).hasSize(2);
		// An author is refused the panel's actions.
		var authorBrowser = new NewsroomBrowser(site).signIn("author@news.example", PASSWORD);
		assertThat(authorBrowser.get("/newsroom/newsletter/sends/" + send.id()).statusCode()).isEqualTo(403);
	}

	@Test
	void permanentRefusalsAreRecordedAndThreeInARowPause() {
		Article first = publish("Docks", "Cy Quay");
		String section = "section:" + first.section().id();
		long refused = subscriber("nowhere@example.org", "active", section);
		subscriber("dock-reader@example.org", "active", section);
		for (int i = 1; i <= 3; i++) {
			Article article = publish("Docks", "Cy Quay");
			await().atMost(SOON).until(() -> articleSend(article.id()).status().equals("finished"));
			var send = articleSend(article.id());
			assertThat(send.sent()).isEqualTo(1);
			assertThat(send.failed()).isEqualTo(1);
			assertThat(jdbc.sql("SELECT error FROM newsletter_delivery WHERE send_id = ? AND subscriber_id = ?")
				.params(send.id(), refused)
				.query(String.class)
				.single()).contains("550 5.1.1 No such mailbox");
		}
		Function<String, String> column = name -> jdbc.sql("SELECT " + name + " FROM subscriber WHERE id = ?")
			.param(refused)
			.query(String.class)
			.single();
		assertThat(column.apply("status")).isEqualTo("paused");
		assertThat(column.apply("paused_reason")).startsWith("hard bounces: ").contains("550");
		Article fourth = publish("Docks", "Cy Quay");
		await().atMost(SOON).until(() -> articleSend(fourth.id()).status().equals("finished"));
		assertThat(articleSend(fourth.id()).failed()).as("a paused subscriber gets nothing").isZero();
	}

	@Test
	void cancellingASendUnderWayStopsItWithoutDuplicates() throws Exception {
		Article article = publish("Cancels", "Di Halt");
		assertThat(sends.history(TestArticles.ACTOR, article.id())).isEmpty();
		int recipients = 2_000;
		long now = System.currentTimeMillis();
		jdbc.sql("""
				WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :count)
				INSERT INTO subscriber (email, email_key, status, link_secret, created_at, confirmed_at, updated_at)
				SELECT 'cancel-' || i || '@example.org', 'cancel-' || i || '@example.org', 'active',
				'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I', :now, :now, :now FROM n""")
			.param("count", recipients)
			.param("now", now)
			.update();
		jdbc.sql("INSERT INTO subscription (subscriber_id, list_key, created_at) "
				+ "SELECT id, :list, :now FROM subscriber WHERE email LIKE 'cancel-%'")
			.param("list", "section:" + article.section().id())
			.param("now", now)
			.update();
		site.bean(Accounts.class).create(TestArticles.ACTOR, "halt@news.example", "Hal Ter", Role.EDITOR, PASSWORD);
		var browser = new NewsroomBrowser(site).signIn("halt@news.example", PASSWORD);
		String base = "/newsroom/articles/" + article.id() + "/newsletter";
		assertThat(browser.post(base + "/send", Map.of()).statusCode()).isEqualTo(302);
		long sendId = articleSend(article.id()).id();

		await().dontCatchUncaughtExceptions().atMost(SOON).until(() -> smtp.getReceivedMessages().length >= 20);
		var panel = org.jsoup.Jsoup.parse(browser.get(base).body());
		var form = panel.selectFirst("form.newsletter-cancel");
		assertThat(form).as("a send under way has its Cancel button").isNotNull();
		assertThat(form.attr("action")).isEqualTo(base + "/cancel");
		assertThat(form.text()).contains("cannot be resumed");
		assertThat(form.select("input[name=_csrf]").val()).isNotEmpty();
		assertThat(browser.post(base + "/cancel", Map.of("send", Long.toString(sendId))).statusCode()).isEqualTo(302);

		var cancelled = articleSend(article.id());
		assertThat(cancelled.status()).isEqualTo("cancelled");
		assertThat(cancelled.finishedAt()).isNotNull();
		assertThat(cancelled.remaining()).isZero();
		assertThat(cancelled.sent()).as("cancelled half-way").isLessThan(recipients);
		// A message already on the wire when the cancel came is finished or aborted:
		// wait until what the rows say sent has arrived.
		// GreenMail's connection thread throws on the aborted DATA, which Awaitility
		// would
		// take for this test's failure: the abort is the rule under test.
		await().dontCatchUncaughtExceptions()
			.atMost(SOON)
			.until(() -> smtp.getReceivedMessages().length == articleSend(article.id()).sent());
		var send = articleSend(article.id());
		assertThat(send.status()).isEqualTo("cancelled");
		assertThat(send.sent() + send.skipped()).isEqualTo(recipients);
		assertThat(send.failed()).isZero();
		var received = byRecipient();
		assertThat(received.values()).allSatisfy(messages -> assertThat(messages).hasSize(1));
		assertThat(received).hasSize(send.sent());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_delivery WHERE send_id = ? AND status = 'sent'")
			.param(sendId)
			.query(Integer.class)
			.single()).isEqualTo(smtp.getReceivedMessages().length);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM newsletter_delivery WHERE send_id = ? AND status = 'skipped' "
					+ "AND error = 'cancelled'")
			.param(sendId)
			.query(Integer.class)
			.single()).isEqualTo(send.skipped());

		// The page and its JSON show the same figures; no Cancel button any more.
		var after = org.jsoup.Jsoup.parse(browser.get(base).body());
		assertThat(after.select("[data-field=sent]").text()).isEqualTo(Integer.toString(send.sent()));
		assertThat(after.select("[data-field=skipped]").text()).isEqualTo(Integer.toString(send.skipped()));
		assertThat(after.select("[data-field=remaining]").text()).isEqualTo("0");
		assertThat(after.select("[data-field=status]").text()).isEqualTo("cancelled");
		assertThat(after.select("form.newsletter-cancel")).isEmpty();
		assertThat(browser.get("/newsroom/newsletter/sends/" + sendId).body()).contains("\"sent\":" + send.sent())
			.contains("\"skipped\":" + send.skipped())
			.contains("\"remaining\":0")
			.contains("\"status\":\"cancelled\"");

		// Audited, one change-log entry; again is a conflict, an unknown send 404.
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM newsroom_audit WHERE subject = 'newsletter-send' "
					+ "AND subject_id = ? AND action = 'cancelled'")
			.param(sendId)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM change_log WHERE subject = 'newsletter' AND subject_id = ? "
					+ "AND kind = 'cancelled'")
			.param(sendId)
			.query(Integer.class)
			.single()).isEqualTo(1);
		var again = browser.post(base + "/cancel", Map.of("send", Long.toString(sendId)));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.body()).contains("finished or cancelled already");
		assertThatThrownBy(() -> sends.cancel(TestArticles.ACTOR, sendId)).isInstanceOf(Conflict.class)
			.isInstanceOf(InvalidInput.class);
		assertThatThrownBy(() -> sends.cancel(TestArticles.ACTOR, sendId + 1000)).isInstanceOf(NotFound.class);
		assertThat(browser.post(base + "/cancel", Map.of("send", Long.toString(sendId + 1000))).statusCode())
			.isEqualTo(404);
		assertThat(smtp.getReceivedMessages()).hasSize(send.sent());
	}

}
