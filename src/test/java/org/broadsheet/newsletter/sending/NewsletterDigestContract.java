package org.broadsheet.newsletter.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.article.Article;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestClock;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Daily and weekly digests end to end, through a real SMTP server (GreenMail), on a site
 * in a zone that is not UTC, with time as an input (the test advances the clock and runs
 * the digests itself: the digest clock is off). An editor sets a section's list to a
 * daily digest on the subscribers page; articles published in that section then go to no
 * subscriber of that list one by one; the next morning at 07:00 local time each
 * subscriber gets one digest with both headlines and links and the one-click unsubscribe
 * headers; running again sends nothing; a list without new articles gets nothing; two
 * runs at once make one weekly send; a bad cadence is 400 naming the field. Subclasses
 * give the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NewsletterDigestContract {

	static final Duration SOON = Duration.ofSeconds(20);

	static final String PASSWORD = "a long enough password";

	static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

	final TestClock clock = new TestClock();

	GreenMail smtp;

	RunningSite site;

	JdbcClient jdbc;

	ArticleWorkflow workflow;

	DigestSends digests;

	NewsroomBrowser editor;

	int articles;

	/**
	 * @return options that put the site on the database under test
	 */
	abstract List<String> database(Path data);

	@BeforeAll
	void start() {
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		Path data = TestDatabases.newDataFolder();
		List<String> options = new ArrayList<>(database(data));
		options.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
				"--broadsheet.mail.from=news@news.example", "--broadsheet.site.base-url=https://news.example",
				"--broadsheet.site.time-zone=" + ZONE.getId(), "--broadsheet.newsletter.rate=500",
				"--broadsheet.newsletter.poll-interval=100ms", "--broadsheet.newsletter.digest-clock=false"));
		site = RunningSite.start(data, clock, options.toArray(String[]::new));
		jdbc = site.bean(JdbcClient.class);
		workflow = site.bean(ArticleWorkflow.class);
		digests = site.bean(DigestSends.class);
		site.bean(Accounts.class).create(TestArticles.ACTOR, "digest-editor@news.example", "Ed", Role.EDITOR, PASSWORD);
		site.bean(Accounts.class).create(TestArticles.ACTOR, "digest-author@news.example", "Au", Role.AUTHOR, PASSWORD);
		editor = new NewsroomBrowser(site).signIn("digest-editor@news.example", PASSWORD);
	}

	@AfterAll
	void stop() {
		site.close();
		smtp.stop();
	}

	/** Each test starts with no subscriber and every list sent each article. */
	@BeforeEach
	void emptyMailboxAndLists() throws Exception {
		// The last test's deliveries are done first.
		await().atMost(SOON)
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM newsletter_delivery WHERE status IN ('queued', 'claimed')")
				.query(Long.class)
				.single() == 0);
		smtp.purgeEmailFromAllMailboxes();
		jdbc.sql("DELETE FROM subscriber").update();
		jdbc.sql("DELETE FROM newsletter_list").update();
	}

	/** Moves the test's clock forward to {@code target} (local time in {@link #ZONE}). */
	void advanceTo(ZonedDateTime target) {
		Duration step = Duration.between(clock.instant(), target.toInstant());
		assertThat(step).isPositive();
		clock.advance(step);
	}

	/** Moves the clock to 10:00 local time on the next day, and returns that day. */
	LocalDate nextMorning() {
		LocalDate day = clock.instant().atZone(ZONE).toLocalDate().plusDays(1);
		advanceTo(ZonedDateTime.of(day, LocalTime.of(10, 0), ZONE));
		return day;
	}

	Article publish(String section, String author) {
		String title = "Digest item " + (++articles);
		long id = workflow.create(TestArticles.ACTOR,
				new ArticleDraft(null, title, section, List.of(AuthorProfile.named(author)), "About " + title,
						"Body of " + title, null, List.of(), null, ArticleStatus.DRAFT, null, null, null));
		workflow.publish(TestArticles.ACTOR, id);
		return site.bean(PublishedArticles.class).publicById(id).orElseThrow();
	}

	long subscriber(String email, String... lists) {
		long now = clock.millis();
		long id = jdbc.sql("""
				INSERT INTO subscriber (email, email_key, status, link_secret, created_at, confirmed_at, updated_at)
				VALUES (?, ?, 'active', 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3I', ?, ?, ?) RETURNING id""")
			.params(email, email, now, now, now)
			.query(Long.class)
			.single();
		for (String list : lists) {
			jdbc.sql("INSERT INTO subscription (subscriber_id, list_key, created_at) VALUES (?, ?, ?)")
				.params(id, list, now)
				.update();
		}
		return id;
	}

	void setCadence(String list, String cadence) {
		var saved = editor.post("/newsroom/subscribers/cadence", Map.of("list", list, "cadence", cadence));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
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

	NewsletterSend send(long id) {
		return digests.recent(TestArticles.ACTOR).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
	}

	static String part(MimeMessage message, String type) throws Exception {
		var multipart = (Multipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			if (multipart.getBodyPart(i).isMimeType(type)) {
				return (String) multipart.getBodyPart(i).getContent();
			}
		}
		throw new AssertionError("no " + type + " part");
	}

	@Test
	void aDailyListGetsOneDigestTheNextMorningAndNoArticleSends() throws Exception {
		Article first = publish("Tides", "Lu Wave");
		String section = "section:" + first.section().id();
		Article quiet = publish("Shoals", "Lu Wave");
		String quietSection = "section:" + quiet.section().id();
		subscriber("tide-one@example.org", section);
		subscriber("tide-two@example.org", section);
		subscriber("tide-site@example.org", "site");
		subscriber("shoal-reader@example.org", quietSection);

		LocalDate day = nextMorning();
		setCadence(section, "daily");
		setCadence(quietSection, "daily");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM change_log WHERE subject = 'list' AND kind = 'cadence-changed'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM newsroom_audit WHERE subject = 'newsletter-list'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
		assertThat(editor.get("/newsroom/subscribers").body()).contains("daily digest");

		Article a = publish("Tides", "Lu Wave");
		Article b = publish("Tides", "Lu Wave");
		// The site's list is still sent each article; the section's list is not.
		var sends = site.bean(NewsletterSends.class);
		for (Article article : List.of(a, b)) {
			await().atMost(SOON)
				.until(() -> sends.history(TestArticles.ACTOR, article.id())
					.stream()
					.allMatch(s -> "finished".equals(s.status())));
			assertThat(sends.history(TestArticles.ACTOR, article.id())).singleElement()
				.satisfies(s -> assertThat(s.listKeys().split(" ")).doesNotContain(section));
		}
		await().atMost(SOON).until(() -> smtp.getReceivedMessages().length == 2);
		assertThat(byRecipient().keySet()).containsExactly("tide-site@example.org");
		assertThat(digests.runDue()).as("not due before the next morning").isEmpty();

		smtp.purgeEmailFromAllMailboxes();
		advanceTo(ZonedDateTime.of(day.plusDays(1), LocalTime.of(7, 0, 1), ZONE));
		List<Long> queued = digests.runDue();
		assertThat(queued).as("one digest: the quiet section had no article").hasSize(1);
		assertThat(jdbc.sql("SELECT period_key FROM newsletter_send WHERE id = ?")
			.param(queued.get(0))
			.query(String.class)
			.single()).isEqualTo("daily:" + section + ":" + day);
		await().atMost(SOON).until(() -> "finished".equals(send(queued.get(0)).status()));

		var received = byRecipient();
		assertThat(received.keySet()).containsExactlyInAnyOrder("tide-one@example.org", "tide-two@example.org");
		for (var messages : received.values()) {
			assertThat(messages).hasSize(1);
			MimeMessage message = messages.get(0);
			assertThat(message.getSubject()).startsWith("Daily digest of the section Tides");
			assertThat(message.getHeader("List-Unsubscribe")[0]).startsWith("<https://news.example/newsletter/");
			assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
			String html = part(message, "text/html");
			String text = part(message, "text/plain");
			for (Article article : List.of(a, b)) {
				assertThat(html).contains(article.title()).contains("https://news.example" + article.path());
				assertThat(text).contains(article.title()).contains("https://news.example" + article.path());
			}
			assertThat(html.indexOf(b.title())).as("newest first").isLessThan(html.indexOf(a.title()));
			assertThat(html).doesNotContain(first.title());
		}
		var digest = send(queued.get(0));
		assertThat(digest.sent()).isEqualTo(2);
		assertThat(digest.failed() + digest.remaining()).isZero();
		assertThat(editor.get("/newsroom/subscribers").body()).contains("Daily digest of the section Tides");

		assertThat(digests.runDue()).as("the period was sent").isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_send WHERE kind = 'digest' AND list_keys = ?")
			.param(quietSection)
			.query(Long.class)
			.single()).as("no new article: no send").isZero();
		assertThat(smtp.getReceivedMessages()).hasSize(2);
	}

	@Test
	void twoRunsAtOnceMakeOneWeeklySend() throws Exception {
		Article first = publish("Currents", "Mo Flow");
		String section = "section:" + first.section().id();
		subscriber("current-reader@example.org", section);
		LocalDate day = nextMorning();
		setCadence(section, "weekly");
		Article article = publish("Currents", "Mo Flow");
		LocalDate monday = day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		advanceTo(ZonedDateTime.of(monday, LocalTime.of(7, 0, 1), ZONE));

		var barrier = new CyclicBarrier(2);
		List<Long> queued;
		var threads = Executors.newFixedThreadPool(2);
		try {
			var runs = List.of(CompletableFuture.supplyAsync(() -> runAfter(barrier), threads),
					CompletableFuture.supplyAsync(() -> runAfter(barrier), threads));
			queued = runs.stream().flatMap(run -> run.join().stream()).toList();
		}
		finally {
			threads.shutdown();
		}
		assertThat(queued).hasSize(1);
		String week = DigestPeriod.latestDue(org.broadsheet.newsletter.digest.Cadence.WEEKLY, ZONE, clock.instant(), 7)
			.key(org.broadsheet.newsletter.ListKey.parse("list", section));
		assertThat(week).matches("weekly:section:\\d+:\\d{4}-W\\d\\d");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM newsletter_send WHERE period_key = ?")
			.param(week)
			.query(Long.class)
			.single()).isEqualTo(1);
		await().atMost(SOON).until(() -> "finished".equals(send(queued.get(0)).status()));
		var received = byRecipient().get("current-reader@example.org");
		assertThat(received).hasSize(1);
		assertThat(received.get(0).getSubject()).startsWith("Weekly digest of the section Currents");
		assertThat(part(received.get(0), "text/html")).contains(article.title());
	}

	private List<Long> runAfter(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return digests.runDue();
	}

	@Test
	void aBadCadenceIsRefusedNamingTheField() {
		var bad = editor.post("/newsroom/subscribers/cadence", Map.of("list", "site", "cadence", "hourly"));
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("cadence: ");
		for (String list : List.of("section:x", "section:999999")) {
			var badList = editor.post("/newsroom/subscribers/cadence", Map.of("list", list, "cadence", "daily"));
			assertThat(badList.statusCode()).isEqualTo(400);
			assertThat(badList.body()).contains("list: ");
		}
		var missing = editor.post("/newsroom/subscribers/cadence", Map.of());
		assertThat(missing.statusCode()).isEqualTo(400);
		var author = new NewsroomBrowser(site).signIn("digest-author@news.example", PASSWORD);
		assertThat(
				author.post("/newsroom/subscribers/cadence", Map.of("list", "site", "cadence", "daily")).statusCode())
			.isEqualTo(403);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM newsletter_list WHERE cadence NOT IN ('article', 'daily', 'weekly') "
					+ "OR list_key LIKE 'section:9999%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anArticleWhoseListsAreAllDigestsIsNotSentOnItsOwn() {
		Article first = publish("Eddies", "No Swirl");
		String section = "section:" + first.section().id();
		String author = "author:" + first.authors().get(0).id();
		subscriber("eddy-reader@example.org", "site", section, author);
		var sends = site.bean(NewsletterSends.class);
		for (String list : List.of("site", section, author)) {
			setCadence(list, "weekly");
		}
		Article article = publish("Eddies", "No Swirl");
		assertThat(sends.history(TestArticles.ACTOR, article.id())).isEmpty();
		assertThat(sends.audience(TestArticles.ACTOR, article.id())).contains(0);
		assertThatThrownBy(() -> sends.send(TestArticles.ACTOR, article.id())).isInstanceOfSatisfying(
				InvalidInput.class, ex -> assertThat(ex.key()).isEqualTo("newsletter.send.digestsOnly"));
		setCadence("site", "article");
		Article later = publish("Eddies", "No Swirl");
		await().atMost(SOON)
			.until(() -> sends.history(TestArticles.ACTOR, later.id())
				.stream()
				.anyMatch(s -> "finished".equals(s.status())));
		assertThat(sends.history(TestArticles.ACTOR, later.id())).singleElement()
			.satisfies(s -> assertThat(s.listKeys()).isEqualTo("site"));
	}

}
