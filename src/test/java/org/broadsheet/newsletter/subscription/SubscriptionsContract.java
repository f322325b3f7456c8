package org.broadsheet.newsletter.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.awaitility.Awaitility;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.newsletter.subscription.SubscriberLinks.Purpose;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestClock;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Readers' newsletter subscriptions over real HTTP against a running site, with a real
 * SMTP server (GreenMail): sign-up, the confirmation mail and its link (double opt-in),
 * preferences, one-click unsubscribe (RFC 8058), refused links and input, honeypot, rate
 * limits, and the form on a cached article page. Run on SQLite and PostgreSQL by the
 * subclasses, which give the database options.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SubscriptionsContract {

	static final Pattern CONFIRM_LINK = Pattern
		.compile("(http://\\S+)(/newsletter/confirm\\?s=(\\d+)&e=(\\d+)&t=([A-Za-z0-9_-]+))");

	final TestClock clock = new TestClock();

	GreenMail smtp;

	RunningSite site;

	JdbcClient jdbc;

	/**
	 * @return Spring options giving a site started by this test a new, empty database
	 */
	abstract List<String> databaseOptions();

	RunningSite start(String... options) {
		List<String> all = new ArrayList<>(databaseOptions());
		all.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort(),
				"--broadsheet.mail.from=news@news.test", "--broadsheet.site.name=The Courier"));
		all.addAll(List.of(options));
		return RunningSite.start(TestDatabases.newDataFolder(), clock, all.toArray(String[]::new));
	}

	@BeforeAll
	void startSite() {
		smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		site = start("--broadsheet.newsletter.sign-ups-per-address=1000");
		jdbc = site.bean(JdbcClient.class);
	}

	@AfterAll
	void stop() {
		if (site != null) {
			site.close();
		}
		smtp.stop();
	}

	/** A reader's browser: its own cookies, redirects not followed. */
	final class Reader {

		final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String path) {
			return send(HttpRequest.newBuilder(URI.create(site.url(path))).GET().build());
		}

		Document page(String path) {
			var response = get(path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return Jsoup.parse(response.body(), site.url(path));
		}

		/** Posts form fields: name, value, name, value, … (names may repeat). */
		HttpResponse<String> post(String path, String... fields) {
			var body = new StringJoiner("&");
			for (int i = 0; i < fields.length; i += 2) {
				body.add(encode(fields[i]) + "=" + encode(fields[i + 1]));
			}
			return send(HttpRequest.newBuilder(URI.create(site.url(path)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build());
		}

		/**
		 * Follows a confirmation link as a reader does: opens its page, then presses the
		 * button (the form's hidden fields and CSRF token sent back).
		 * @return the answer to the button's POST
		 */
		HttpResponse<String> confirm(String link) {
			var form = page(link).selectFirst("form[method=post][action=/newsletter/confirm]");
			assertThat(form).as("the confirmation page's form").isNotNull();
			List<String> fields = new ArrayList<>();
			for (var input : form.select("input[type=hidden]")) {
				fields.add(input.attr("name"));
				fields.add(input.val());
			}
			return post(form.attr("action"), fields.toArray(String[]::new));
		}

		/** Opens the sign-up page and sends its form with these fields. */
		HttpResponse<String> signUp(String... fields) {
			String csrf = page("/newsletter").selectFirst("form#signup input[name=_csrf]").val();
			List<String> all = new ArrayList<>(List.of("_csrf", csrf, "source", "/newsletter", "homepage", ""));
			all.addAll(Arrays.asList(fields));
			return post("/newsletter/subscribe", all.toArray(String[]::new));
		}

		private HttpResponse<String> send(HttpRequest request) {
			return RunningSite.send(http, request);
		}

	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	List<MimeMessage> mailTo(String address) {
		List<MimeMessage> found = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			try {
				if (Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(address))) {
					found.add(message);
				}
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return found;
	}

	MimeMessage awaitMail(String address, int count) {
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> mailTo(address).size() >= count);
		return mailTo(address).get(count - 1);
	}

	/** The decoded part of this type (text/plain or text/html) of a multipart message. */
	static String part(MimeMessage message, String type) throws MessagingException, IOException {
		return part((Multipart) message.getContent(), type);
	}

	private static String part(Multipart multipart, String type) throws MessagingException, IOException {
		for (int i = 0; i < multipart.getCount(); i++) {
			var body = multipart.getBodyPart(i);
			if (body.getContent() instanceof Multipart inner) {
				String found = part(inner, type);
				if (found != null) {
					return found;
				}
			}
			else if (body.isMimeType(type)) {
				return (String) body.getContent();
			}
		}
		return null;
	}

	static Matcher confirmLink(MimeMessage message) throws Exception {
		var link = CONFIRM_LINK.matcher(part(message, "text/plain"));
		assertThat(link.find()).as(part(message, "text/plain")).isTrue();
		return link;
	}

	long subscriberId(String email) {
		return jdbc.sql("SELECT id FROM subscriber WHERE email = ?").param(email).query(Long.class).single();
	}

	String status(long id) {
		return jdbc.sql("SELECT status FROM subscriber WHERE id = ?").param(id).query(String.class).single();
	}

	List<String> lists(long id) {
		return jdbc.sql("SELECT list_key FROM subscription WHERE subscriber_id = ? ORDER BY list_key")
			.param(id)
			.query(String.class)
			.list();
	}

	List<String> consent(long id) {
		return jdbc
			.sql("SELECT action || '|' || source || '|' || list_keys FROM subscriber_consent WHERE subscriber_id = ? "
					+ "ORDER BY id")
			.param(id)
			.query(String.class)
			.list();
	}

	String link(Purpose purpose, long id) {
		String secret = jdbc.sql("SELECT link_secret FROM subscriber WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
		return SubscriberLinks.path(purpose, id, secret, 0);
	}

	long sectionId(String name) {
		return jdbc.sql("SELECT id FROM section WHERE name = ?").param(name).query(Long.class).single();
	}

	String publish(String title) {
		return TestArticles.publish(site, title, Instant.now().minusSeconds(3600));
	}

	@Test
	void aReaderSubscribesConfirmsChangesListsAndLeavesWithOneClick() throws Exception {
		publish("Harbour news");
		long talk = sectionId("Talk");
		var reader = new Reader();
		var signUpPage = reader.page("/newsletter");
		assertThat(signUpPage.select("form#signup input[name=list]")).extracting(e -> e.val())
			.contains("site", "section:" + talk);
		assertThat(signUpPage.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(signUpPage.select("label[for=signup-email]")).hasSize(1);

		var answer = reader.signUp("email", "ana.reader@Example.ORG", "name", "Ana Reader", "list", "site", "list",
				"section:" + talk);
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/newsletter/sent");
		assertThat(reader.page("/newsletter/sent").select("h1").text()).isEqualTo("Check your inbox");

		long id = subscriberId("ana.reader@Example.ORG");
		assertThat(status(id)).isEqualTo("pending");
		assertThat(lists(id)).isEmpty();
		assertThat(jdbc.sql("SELECT email_key FROM subscriber WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("ana.reader@example.org");
		assertThat(jdbc.sql("SELECT wording FROM subscriber_consent WHERE subscriber_id = ?")
			.param(id)
			.query(String.class)
			.single()).startsWith("We will e-mail you the articles");

		var mail = awaitMail("ana.reader@Example.ORG", 1);
		assertThat(mail.getSubject()).isEqualTo("Confirm your subscription to The Courier");
		assertThat(mail.getHeader("To")[0]).contains("Ana Reader");
		assertThat(part(mail, "text/plain")).contains("Everything from The Courier", "Section: Talk");
		assertThat(part(mail, "text/html")).contains("<a href=\"http://", "/newsletter/confirm?s=" + id);
		var link = confirmLink(mail);
		assertThat(Long.parseLong(link.group(4)) - clock.millis()).isBetween(Duration.ofHours(47).toMillis(),
				Duration.ofHours(48).toMillis());

		// Opening the link (as a mail scanner does) changes nothing: it shows the button.
		var confirmPage = reader.page(link.group(2));
		assertThat(confirmPage.select("h1").text()).isEqualTo("Confirm your subscription");
		assertThat(confirmPage.select("main").text()).contains("ana.reader@Example.ORG", "Everything from The Courier",
				"Section: Talk");
		assertThat(confirmPage.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
		assertThat(confirmPage.select("form[action=/newsletter/confirm] input[name=_csrf]").val()).isNotEmpty();
		assertThat(new Reader().get(link.group(2)).statusCode()).isEqualTo(200);
		assertThat(status(id)).isEqualTo("pending");
		assertThat(lists(id)).isEmpty();
		assertThat(consent(id)).hasSize(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM change_log WHERE subject = 'subscriber' AND subject_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		// The button without the page's CSRF token is refused.
		assertThat(new Reader().post("/newsletter/confirm", "s", link.group(3), "e", link.group(4), "t", link.group(5))
			.statusCode()).isEqualTo(403);
		assertThat(status(id)).isEqualTo("pending");

		var pressed = reader.confirm(link.group(2));
		assertThat(pressed.statusCode()).isEqualTo(302);
		String confirmedAt = pressed.headers().firstValue("Location").orElseThrow();
		assertThat(confirmedAt).endsWith("/newsletter/confirmed");
		assertThat(reader.page(confirmedAt.replace(site.url(""), "")).select("h1").text())
			.isEqualTo("Subscription confirmed");
		assertThat(status(id)).isEqualTo("active");
		assertThat(lists(id)).containsExactly("section:" + talk, "site");
		assertThat(consent(id)).containsExactly("signup|/newsletter|site section:" + talk,
				"confirmed|/newsletter/confirm|site section:" + talk);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM change_log WHERE subject = 'subscriber' AND subject_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(2);

		// Preferences: change lists, pause, resume, with the page's CSRF token.
		String preferences = link(Purpose.PREFERENCES, id);
		var page = reader.page(preferences);
		assertThat(page.select("input[name=list][checked]")).extracting(e -> e.val())
			.containsExactlyInAnyOrder("site", "section:" + talk);
		assertThat(page.select("meta[name=robots]").attr("content")).isEqualTo("noindex");
		String csrf = page.selectFirst("input[name=_csrf]").val();
		String token = page.selectFirst("input[name=t]").val();
		var saved = reader.post("/newsletter/preferences", "_csrf", csrf, "s", Long.toString(id), "t", token, "action",
				"lists", "list", "section:" + talk);
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(lists(id)).containsExactly("section:" + talk);
		assertThat(reader.page(saved.headers().firstValue("Location").orElseThrow().replace(site.url(""), ""))
			.select(".notice")
			.text()).isEqualTo("Your lists are saved.");
		assertThat(reader
			.post("/newsletter/preferences", "_csrf", csrf, "s", Long.toString(id), "t", token, "action", "pause")
			.statusCode()).isEqualTo(302);
		assertThat(status(id)).isEqualTo("paused");
		assertThat(reader
			.post("/newsletter/preferences", "_csrf", csrf, "s", Long.toString(id), "t", token, "action", "resume")
			.statusCode()).isEqualTo(302);
		assertThat(status(id)).isEqualTo("active");
		assertThat(reader
			.post("/newsletter/preferences", "_csrf", csrf, "s", Long.toString(id), "t", token, "action", "lists")
			.statusCode()).isEqualTo(400);
		assertThat(reader.post("/newsletter/preferences", "s", Long.toString(id), "t", token, "action", "pause")
			.statusCode()).as("no CSRF token").isEqualTo(403);

		// One-click unsubscribe (RFC 8058): a bare POST, no cookie, no CSRF token.
		String unsubscribe = link(Purpose.UNSUBSCRIBE, id);
		var unsubscribePage = new Reader().page(unsubscribe);
		assertThat(unsubscribePage.select("form[method=post] input[name=List-Unsubscribe]").val())
			.isEqualTo("One-Click");
		assertThat(status(id)).isEqualTo("active");
		var oneClick = RunningSite.send(HttpClient.newHttpClient(),
				HttpRequest.newBuilder(URI.create(site.url(unsubscribe)))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
					.build());
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(status(id)).isEqualTo("unsubscribed");
		assertThat(lists(id)).isEmpty();
		assertThat(consent(id)).last().isEqualTo("unsubscribed|one-click|section:" + talk);
		assertThat(new Reader().post(unsubscribe, "List-Unsubscribe", "One-Click").statusCode()).isEqualTo(200);
		assertThat(consent(id)).hasSize(6);
	}

	@Test
	void aKnownAddressGetsTheSameAnswerAndItsNewListsOnlyOnConfirmation() throws Exception {
		publish("Known readers");
		var reader = new Reader();
		reader.signUp("email", "known@news.test", "list", "site");
		assertThat(reader.confirm(confirmLink(awaitMail("known@news.test", 1)).group(2)).statusCode()).isEqualTo(302);
		long id = subscriberId("known@news.test");
		assertThat(lists(id)).containsExactly("site");

		long author = jdbc.sql("SELECT id FROM author WHERE name = 'Staff'").query(Long.class).single();
		var again = new Reader().signUp("email", "known@news.test", "name", "Someone Else", "list", "author:" + author);
		var fresh = new Reader().signUp("email", "never-seen@news.test", "list", "author:" + author);
		assertThat(again.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(302);
		assertThat(again.headers().firstValue("Location")).isEqualTo(fresh.headers().firstValue("Location"));
		var second = awaitMail("known@news.test", 2);
		assertThat(lists(id)).containsExactly("site");
		assertThat(status(id)).isEqualTo("active");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM subscriber WHERE id = ? AND name IS NULL")
			.param(id)
			.query(Integer.class)
			.single()).as("a sign-up for a known address changes no name").isEqualTo(1);
		assertThat(reader.confirm(confirmLink(second).group(2)).statusCode()).isEqualTo(302);
		assertThat(lists(id)).containsExactly("author:" + author, "site");
	}

	@Test
	void aSignUpRecordedWithCommasBeforeListKeyJoinStillConfirms() throws Exception {
		publish("Old records");
		long talk = sectionId("Talk");
		long at = clock.millis();
		long id = jdbc.sql("""
				INSERT INTO subscriber (email, email_key, status, link_secret, created_at, updated_at)
				VALUES ('old-record@news.test', 'old-record@news.test', 'pending',
				'b2xkLXJlY29yZC1vbGQtcmVjb3JkLW9sZC1yZWNvcmQ', ?, ?) RETURNING id""")
			.params(at, at)
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO subscriber_consent (subscriber_id, at, action, source, wording, list_keys)
				VALUES (?, ?, 'signup', '/newsletter', 'Old wording', ?)""")
			.params(id, at, "site,section:" + talk)
			.update();
		String secret = jdbc.sql("SELECT link_secret FROM subscriber WHERE id = ?")
			.param(id)
			.query(String.class)
			.single();
		String link = SubscriberLinks.path(Purpose.CONFIRM, id, secret, at + Subscriptions.CONFIRM_LIFETIME.toMillis());
		var reader = new Reader();
		assertThat(reader.page(link).select("main li")).extracting(e -> e.text())
			.containsExactly("Everything from The Courier", "Section: Talk");
		assertThat(reader.confirm(link).statusCode()).isEqualTo(302);
		assertThat(lists(id)).containsExactly("section:" + talk, "site");
		assertThat(consent(id)).containsExactly("signup|/newsletter|site,section:" + talk,
				"confirmed|/newsletter/confirm|site section:" + talk);
	}

	@Test
	void tamperedExpiredAndMisusedLinksAreRefused() throws Exception {
		var reader = new Reader();
		reader.signUp("email", "links@news.test", "list", "site");
		var link = confirmLink(awaitMail("links@news.test", 1));
		long id = Long.parseLong(link.group(3));
		String path = link.group(2);
		String tampered = path.substring(0, path.length() - 2) + (path.endsWith("A") ? "BB" : "AA");
		assertThat(reader.get(tampered).statusCode()).isEqualTo(400);
		assertThat(
				reader.get(path.replace("e=" + link.group(4), "e=" + (Long.parseLong(link.group(4)) + 1))).statusCode())
			.isEqualTo(400);
		assertThat(reader.get(path.replace("s=" + id, "s=" + (id + 1000))).statusCode()).isEqualTo(400);
		assertThat(reader.get("/newsletter/confirm?s=x&e=1&t=y").statusCode()).isEqualTo(400);
		// The button's POST checks the link alike.
		String csrf = reader.page(path).selectFirst("input[name=_csrf]").val();
		assertThat(reader
			.post("/newsletter/confirm", "_csrf", csrf, "s", Long.toString(id), "e", link.group(4), "t",
					link.group(5) + "x")
			.statusCode()).isEqualTo(400);
		assertThat(status(id)).isEqualTo("pending");
		// A confirm token is no unsubscribe or preferences token.
		String confirmToken = link.group(5);
		assertThat(
				reader.post("/newsletter/unsubscribe?s=" + id + "&t=" + confirmToken, "List-Unsubscribe", "One-Click")
					.statusCode())
			.isEqualTo(400);
		assertThat(reader.get("/newsletter/preferences?s=" + id + "&t=" + confirmToken).statusCode()).isEqualTo(400);
		// Without the RFC 8058 body, a POST unsubscribes nobody.
		assertThat(reader.post(link(Purpose.UNSUBSCRIBE, id), "List-Unsubscribe", "Yes").statusCode()).isEqualTo(400);
		assertThat(status(id)).isEqualTo("pending");

		clock.advance(Duration.ofHours(48).plusMinutes(1));
		var expired = reader.get(path);
		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(expired.body()).select("main p").first().text())
			.isEqualTo("This link is not valid or has expired.");
		// A page opened before the link expired: its button is refused after.
		var late = reader.post("/newsletter/confirm", "_csrf", csrf, "s", Long.toString(id), "e", link.group(4), "t",
				link.group(5));
		assertThat(late.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(late.body()).select("main p").first().text())
			.isEqualTo("This link is not valid or has expired.");
		assertThat(status(id)).isEqualTo("pending");
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		var reader = new Reader();
		long before = jdbc.sql("SELECT COUNT(*) FROM subscriber").query(Long.class).single();
		for (String bad : List.of("not-an-address", "a@b@c.test", "Ana <ana@news.test>", "ana@news.test\r\nBcc: x@y.z",
				"x".repeat(250) + "@news.test", "")) {
			var refused = reader.signUp("email", bad, "list", "site");
			assertThat(refused.statusCode()).as(bad).isEqualTo(400);
			var page = Jsoup.parse(refused.body());
			assertThat(page.selectFirst("#signup-email").attr("aria-invalid")).isEqualTo("true");
			assertThat(page.select("#signup-email-error").text()).startsWith("Enter a valid e-mail address");
		}
		var injected = reader.signUp("email", "name@news.test", "name", "Ana\r\nBcc: victim@news.test", "list", "site");
		assertThat(injected.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(injected.body()).select("#signup-name-error").text()).contains("no line breaks");
		assertThat(reader.signUp("email", "name@news.test", "name", "n".repeat(201), "list", "site").statusCode())
			.isEqualTo(400);
		for (String list : List.of("section:999999", "author:999999", "bogus", "section:01")) {
			var unknown = reader.signUp("email", "name@news.test", "list", list);
			assertThat(unknown.statusCode()).as(list).isEqualTo(400);
			assertThat(Jsoup.parse(unknown.body()).select("#signup-list-error").text())
				.isEqualTo("No such newsletter list.");
		}
		assertThat(Jsoup.parse(reader.signUp("email", "name@news.test").body()).select("#signup-list-error").text())
			.isEqualTo("Choose at least one list.");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM subscriber").query(Long.class).single()).isEqualTo(before);
		// Without the CSRF token nothing is read.
		assertThat(reader.post("/newsletter/subscribe", "email", "name@news.test", "list", "site").statusCode())
			.isEqualTo(403);
	}

	@Test
	void theHoneypotAndTheRateLimitsStopBots() throws Exception {
		var bot = new Reader();
		var trapped = bot.signUp("email", "bot@news.test", "list", "site", "homepage", "http://spam.test");
		assertThat(trapped.statusCode()).isEqualTo(302);
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM subscriber WHERE email = 'bot@news.test'").query(Integer.class).single())
			.isZero();

		// Per mailbox: three confirmation mails an hour, then silence (same answer).
		for (int i = 0; i < 4; i++) {
			assertThat(new Reader().signUp("email", "flooded@news.test", "list", "site").statusCode()).isEqualTo(302);
		}
		awaitMail("flooded@news.test", 3);
		assertThat(consent(subscriberId("flooded@news.test"))).hasSize(3);
		assertThat(mailTo("bot@news.test")).isEmpty();

		// Per client address: a site allowing two sign-ups an hour refuses the third.
		var strict = start("--broadsheet.newsletter.sign-ups-per-address=2");
		try {
			var client = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
			var page = Jsoup.parse(RunningSite
				.send(client, HttpRequest.newBuilder(URI.create(strict.url("/newsletter"))).GET().build())
				.body());
			String csrf = page.selectFirst("input[name=_csrf]").val();
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				statuses.add(
						RunningSite
							.send(client, HttpRequest.newBuilder(URI.create(strict.url("/newsletter/subscribe")))
								.header("Content-Type", "application/x-www-form-urlencoded")
								.POST(HttpRequest.BodyPublishers.ofString(
										"_csrf=" + encode(csrf) + "&email=limited" + i + "%40news.test&list=site"))
								.build())
							.statusCode());
			}
			assertThat(statuses).containsExactly(302, 302, 429);
		}
		finally {
			strict.close();
		}
	}

	@Test
	void theFormOnACachedArticlePageCarriesAWorkingToken() throws Exception {
		String path = publish("Cached and subscribed");
		long articleId = site.bean(PublishedArticles.class)
			.published(path.split("/")[1], path.split("/")[2])
			.orElseThrow()
			.id();
		long author = jdbc.sql("SELECT author_id FROM article_author WHERE article_id = ?")
			.param(articleId)
			.query(Long.class)
			.list()
			.get(0);
		new Reader().page(path);
		for (int i = 0; i < 2; i++) {
			var reader = new Reader();
			var page = reader.page(path);
			var form = page.selectFirst("form#newsletter");
			assertThat(form.attr("action")).isEqualTo("/newsletter/subscribe");
			assertThat(form.select("input[name=list]")).extracting(e -> e.val())
				.containsExactly("site", "section:" + sectionId("Talk"), "author:" + author);
			assertThat(form.select("input[name=source]").val()).isEqualTo(path);
			assertThat(form.select("label[for=newsletter-email]").text()).isEqualTo("E-mail address");
			String csrf = form.selectFirst("input[name=_csrf]").val();
			assertThat(csrf).doesNotContain("csrf").isNotEmpty();
			var answer = reader.post("/newsletter/subscribe", "_csrf", csrf, "source", path, "email",
					"cached" + i + "@news.test", "list", "site", "list", "author:" + author);
			assertThat(answer.statusCode()).as("reader %d", i).isEqualTo(302);
			awaitMail("cached" + i + "@news.test", 1);
			assertThat(consent(subscriberId("cached" + i + "@news.test")))
				.containsExactly("signup|" + path + "|site author:" + author);
		}
		// The home page offers the site's list; its form leads to the sign-up page, so
		// the
		// front page keeps no per-reader token and stays in shared caches.
		var home = new Reader().page("/");
		var form = home.selectFirst("form#newsletter");
		assertThat(form.attr("method")).isEqualTo("get");
		assertThat(form.attr("action")).isEqualTo("/newsletter");
		var prefilled = new Reader().page("/newsletter?email=home%40news.test&list=site");
		assertThat(prefilled.selectFirst("#signup-email").val()).isEqualTo("home@news.test");
	}

}
