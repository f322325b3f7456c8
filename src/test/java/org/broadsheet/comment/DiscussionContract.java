package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.broadsheet.account.Account;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.ReaderBrowser;
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
 * Readers' comments and likes over real HTTP against a running site: moderation rules,
 * anti-spam, closed comments, CSRF, rate limits, threads, likes and concurrency. Run on
 * SQLite and PostgreSQL by the subclasses, which give the database options.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DiscussionContract {

	/**
	 * Generous limits, so that only the tests about limits meet them (they use
	 * {@link #strict}).
	 */
	static final String[] OPEN = { "--broadsheet.comments.min-fill-time=0s", "--broadsheet.comments.per-minute=100000",
			"--broadsheet.comments.per-hour=100000", "--broadsheet.comments.likes-per-minute=100000",
			"--broadsheet.comments.likes-per-address=100000", "--broadsheet.comments.blocklist=casino,cheap pills" };

	RunningSite site;

	RunningSite strict;

	ArticleWorkflow workflow;

	PublishedArticles published;

	JdbcClient jdbc;

	/**
	 * @return Spring options giving a site started by this test a new, empty database
	 */
	abstract List<String> databaseOptions();

	/** The strict site's time: it stands still until a test advances it. */
	final TestClock strictClock = new TestClock();

	RunningSite start(String... options) {
		return start(null, options);
	}

	RunningSite start(TestClock clock, String... options) {
		List<String> all = new ArrayList<>(databaseOptions());
		all.addAll(List.of(options));
		return RunningSite.start(TestDatabases.newDataFolder(), clock, all.toArray(String[]::new));
	}

	@BeforeAll
	void startSites() {
		site = start(OPEN);
		strict = start(strictClock, "--broadsheet.comments.min-fill-time=2s", "--broadsheet.comments.per-minute=3",
				"--broadsheet.comments.likes-per-minute=2", "--broadsheet.comments.close-after-days=2");
		workflow = site.bean(ArticleWorkflow.class);
		published = site.bean(PublishedArticles.class);
		jdbc = site.bean(JdbcClient.class);
		site.bean(Accounts.class)
			.create(SystemActor.CLI, "moderator@example.com", "Moderator", Role.EDITOR, "moderator-password");
		site.bean(Accounts.class)
			.create(SystemActor.CLI, "writer@example.com", "Writer", Role.CONTRIBUTOR, "writer-password");
	}

	@AfterAll
	void stopSites() {
		if (site != null) {
			site.close();
		}
		if (strict != null) {
			strict.close();
		}
	}

	String publish(RunningSite on, String title) {
		return TestArticles.publish(on, title, Instant.now().minusSeconds(3600));
	}

	/**
	 * Gives the article an approved comment from {@code email}, so that the email is
	 * known.
	 */
	void knownCommenter(long article, String email) {
		site.bean(Comments.class)
			.restore(new ImportedComment(article, "known:" + article + ":" + email, null, "Known", email, null, "Hello",
					CommentStatus.APPROVED, Instant.now()));
	}

	long id(String path) {
		return published.published(path.split("/")[1], path.split("/")[2]).orElseThrow().id();
	}

	static Map<String, String> comment(String name, String email, String text) {
		return Map.of("name", name, "email", email, "text", text, "website", "");
	}

	static Map<String, String> withToken(Map<String, String> fields, String token) {
		var all = new HashMap<>(fields);
		all.put("token", token);
		return all;
	}

	int stored(String path) {
		return jdbc.sql("SELECT COUNT(*) FROM comment WHERE article_id = ?")
			.param(id(path))
			.query(Integer.class)
			.single();
	}

	@Test
	void aFirstCommentIsHeldAndOnlyItsWriterSeesIt() {
		String path = publish(site, "Held for moderation");
		var writer = new ReaderBrowser(site);
		writer.open(path);
		var posted = writer.comment(path, comment("Nadia", "nadia@example.com", "My first comment."));
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().firstValue("Location").orElseThrow()).contains(path).contains("#comment-");
		Document mine = writer.open(path);
		assertThat(mine.select("#comments .comment.held .awaiting").text()).contains("awaiting moderation");
		assertThat(mine.selectFirst(".byline a.comment-count").text()).isEqualTo("No Comments");
		Document theirs = new ReaderBrowser(site).open(path);
		assertThat(theirs.select("#comments .comment")).isEmpty();
		assertThat(theirs.text()).doesNotContain("My first comment.");

		long commentId = jdbc.sql("SELECT id FROM comment WHERE article_id = ?")
			.param(id(path))
			.query(Long.class)
			.single();
		var editor = new NewsroomBrowser(site).signIn("moderator@example.com", "moderator-password");
		Document queue = Jsoup.parse(editor.get("/newsroom/comments").body());
		assertThat(queue.select("td.comment-body").text()).contains("My first comment.");
		var approved = editor.post("/newsroom/comments", Map.of("action", "approve", "id", Long.toString(commentId)));
		assertThat(approved.statusCode()).isEqualTo(302);
		assertThat(audited(NewsroomAudit.COMMENT, commentId))
			.containsExactly(moderator().id() + " Moderator approved pending");
		Document now = new ReaderBrowser(site).open(path);
		assertThat(now.selectFirst(".byline a.comment-count").text()).isEqualTo("1 Comment");
		assertThat(now.select("#comments .comment .awaiting")).isEmpty();

		// Once approved, the same email's next comment goes straight up.
		writer.open(path);
		writer.comment(path, comment("Nadia", "NADIA@example.com", "A second thought."));
		assertThat(new ReaderBrowser(site).open(path).selectFirst(".byline a.comment-count").text())
			.isEqualTo("2 Comments");
	}

	@Test
	void repliesNestThreeLevelsAndMore() {
		String path = publish(site, "A long thread");
		long article = id(path);
		Comments comments = site.bean(Comments.class);
		long top = comments.add(article, "Top", "Where it starts", CommentStatus.APPROVED).id();
		var reader = new ReaderBrowser(site);
		long parent = top;
		for (int level = 1; level <= 6; level++) {
			Document page = reader.open(path + "?replyto=" + parent);
			assertThat(page.selectFirst("form#respond input[name=parent]").val()).isEqualTo(Long.toString(parent));
			var response = reader.comment(path,
					Map.of("name", "Level " + level, "email", "level" + level + "@example.com", "text",
							"Reply at level " + level, "parent", Long.toString(parent)));
			assertThat(response.statusCode()).isEqualTo(302);
			parent = jdbc.sql("SELECT id FROM comment WHERE article_id = ? AND author_name = ?")
				.params(article, "Level " + level)
				.query(Long.class)
				.single();
			site.bean(Moderation.class).apply(moderator(), Moderation.Action.APPROVE, List.of(parent));
		}
		Document page = new ReaderBrowser(site).open(path);
		assertThat(page.select("#comments .comment")).hasSize(7);
		for (int depth = 1; depth <= 3; depth++) {
			var item = page.select("#comments .comment").get(depth);
			assertThat(item.hasClass("depth-" + depth)).isTrue();
			assertThat(item.selectFirst(".in-reply-to a").attr("href")).startsWith("#comment-");
		}
		// Deeper than the deepest level: shown at it, and no reply link there.
		assertThat(page.select("#comments .comment").last().hasClass("depth-5")).isTrue();
		assertThat(page.select("#comments .comment").last().select(".reply")).isEmpty();
	}

	@Test
	void commentsArePlainTextWithSafeLinksAndOrderAndPages() {
		String path = publish(site, "Plain text");
		long article = id(path);
		Comments comments = site.bean(Comments.class);
		comments.add(article, "Linker",
				"See https://example.org/a?b=1&c=2 and javascript:alert(1) and www.example.net\n\nNew paragraph <b>bold</b>",
				CommentStatus.APPROVED);
		Document page = new ReaderBrowser(site).open(path);
		var body = page.selectFirst("#comments .comment");
		assertThat(body.select("a[rel='nofollow ugc noopener']").eachAttr("href"))
			.containsExactly("https://example.org/a?b=1&c=2", "https://www.example.net");
		assertThat(body.select("b")).isEmpty();
		assertThat(body.select("p").eachText()).contains("New paragraph <b>bold</b>");

		for (int i = 0; i < 55; i++) {
			comments.add(article, "Reader " + i, "Comment " + i, CommentStatus.APPROVED);
		}
		Document first = new ReaderBrowser(site).open(path);
		assertThat(first.select("#comments .comment")).hasSize(50);
		assertThat(first.selectFirst(".byline a.comment-count").text()).isEqualTo("56 Comments");
		Document second = new ReaderBrowser(site).open(path + "?cpage=2");
		assertThat(second.select("#comments .comment")).hasSize(6);
		Document newest = new ReaderBrowser(site).open(path + "?corder=newest");
		assertThat(newest.selectFirst("#comments .comment .comment-author").text()).isEqualTo("Reader 54");
		assertThat(new ReaderBrowser(site).open(path).selectFirst("#comments .comment .comment-author").text())
			.isEqualTo("Linker");
		assertThat(site.get(path + "?cpage=zero").status()).isEqualTo(400);
	}

	@Test
	void linksAndBlockedWordsAreModerated() {
		String path = publish(site, "Rules");
		long article = id(path);
		knownCommenter(article, "known@example.com");
		var reader = new ReaderBrowser(site);
		reader.open(path);
		reader.comment(path,
				comment("Known", "known@example.com", "Two links: https://a.example and https://b.example"));
		reader.comment(path,
				comment("Known", "known@example.com", "Three: https://a.example https://b.example https://c.example"));
		reader.comment(path, comment("Known", "known@example.com", "Visit our CASINO tonight"));
		assertThat(jdbc.sql("SELECT status FROM comment WHERE article_id = ? ORDER BY id")
			.param(article)
			.query(String.class)
			.list()).containsExactly("approved", "approved", "pending", "spam");
	}

	@Test
	void badInputIsRefusedNamingTheFieldsAndKeepingTheText() {
		String path = publish(site, "Bad input");
		var reader = new ReaderBrowser(site);
		reader.open(path);
		var response = reader.comment(path, Map.of("name", "", "email", "not-an-email", "website",
				"javascript:alert(1)", "text", "Keep this text, please."));
		assertThat(response.statusCode()).isEqualTo(400);
		Document page = Jsoup.parse(response.body());
		assertThat(page.select("form#respond [aria-invalid=true]").eachAttr("name")).containsExactlyInAnyOrder("name",
				"email", "website");
		assertThat(page.selectFirst("form#respond textarea[name=text]").text()).isEqualTo("Keep this text, please.");
		assertThat(page.select(".field-error").eachText()).anyMatch(t -> t.contains("email"));
		var tooLong = reader.comment(path, comment("Long", "long@example.com", "x".repeat(5001)));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(reader.comment(path, Map.of("name", "P", "email", "p@example.com", "text", "t", "parent", "abc"))
			.statusCode()).isEqualTo(400);
		assertThat(reader.comment(path, Map.of("name", "P", "email", "p@example.com", "text", "t", "parent", "999999"))
			.statusCode()).isEqualTo(400);
		assertThat(stored(path)).isZero();
	}

	@Test
	void theHoneypotAndForgedFormsAreRefused() {
		String path = publish(site, "Honeypot");
		var reader = new ReaderBrowser(site);
		reader.open(path);
		var bot = reader.comment(path,
				Map.of("name", "Bot", "email", "bot@example.com", "text", "Spam", "homepage", "http://spam.example"));
		assertThat(bot.statusCode()).isEqualTo(400);
		var forged = reader.comment(path, Map.of("name", "Bot", "email", "bot@example.com", "text", "Spam", "token",
				"1700000000000.00000000000000000000000000000000"));
		assertThat(forged.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(forged.body()).select(".form-error").text()).contains("expired");
		assertThat(stored(path)).isZero();
	}

	@Test
	void withoutTheCsrfTokenNothingIsStored() {
		String path = publish(site, "CSRF");
		var reader = new ReaderBrowser(site);
		reader.open(path);
		var response = reader.comment(path,
				Map.of("_csrf", "", "name", "Eve", "email", "eve@example.com", "text", "Hi"));
		assertThat(response.statusCode()).isEqualTo(403);
		var stranger = new ReaderBrowser(site);
		assertThat(stranger.post(path + "/comments", comment("Eve", "eve@example.com", "Hi")).statusCode())
			.isEqualTo(403);
		assertThat(stranger.post(path + "/like", Map.of()).statusCode()).isEqualTo(403);
		assertThat(stored(path)).isZero();
	}

	@Test
	void closedCommentsAreRefusedWith403() {
		String path = publish(site, "Closed");
		var reader = new ReaderBrowser(site);
		reader.open(path);
		var editor = new NewsroomBrowser(site).signIn("moderator@example.com", "moderator-password");
		assertThat(editor.post("/newsroom/articles/" + id(path) + "/comments", Map.of("closed", "true")).statusCode())
			.isEqualTo(302);
		var refused = reader.comment(path, comment("Late", "late@example.com", "Too late?"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(refused.body()).select("#respond").text()).contains("Comments are closed");
		assertThat(new ReaderBrowser(site).open(path).select("form#respond")).isEmpty();
		assertThat(stored(path)).isZero();
		editor.post("/newsroom/articles/" + id(path) + "/comments", Map.of("closed", "false"));
		reader.open(path);
		assertThat(reader.comment(path, comment("Late", "late@example.com", "Open again")).statusCode()).isEqualTo(302);
		assertThat(audited(NewsroomAudit.ARTICLE, id(path))).containsExactly(
				moderator().id() + " Moderator comments-closed null",
				moderator().id() + " Moderator comments-opened null");
	}

	@Test
	void everyModerationLeavesOneAuditEntryPerCommentNamingTheModerator() {
		String path = publish(site, "Audited moderation");
		long article = id(path);
		Comments comments = site.bean(Comments.class);
		long first = comments.add(article, "First", "One", CommentStatus.PENDING).id();
		long second = comments.add(article, "Second", "Two", CommentStatus.APPROVED).id();
		var reader = new ReaderBrowser(site);
		reader.open(path);
		assertThat(reader
			.comment(path, Map.of("name", "Replier", "email", "replier@example.com", "text", "A reply", "parent",
					Long.toString(second)))
			.statusCode()).isEqualTo(302);
		long reply = jdbc.sql("SELECT id FROM comment WHERE article_id = ? AND author_name = 'Replier'")
			.param(article)
			.query(Long.class)
			.single();
		String moderator = moderator().id() + " Moderator ";

		// A bulk action: one entry per comment changed, with its former status; a missing
		// id is skipped.
		assertThat(site.bean(Moderation.class)
			.apply(moderator(), Moderation.Action.SPAM, List.of(first, second, 999_999L))).isEqualTo(2);
		assertThat(audited(NewsroomAudit.COMMENT, first)).containsExactly(moderator + "spam pending");
		assertThat(audited(NewsroomAudit.COMMENT, second)).containsExactly(moderator + "spam approved");
		assertThat(audited(NewsroomAudit.COMMENT, 999_999L)).isEmpty();

		var editor = new NewsroomBrowser(site).signIn("moderator@example.com", "moderator-password");
		var refused = editor.post("/newsroom/comments/" + reply,
				Map.of("name", "Replier", "email", "", "website", "", "text", ""));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(audited(NewsroomAudit.COMMENT, reply)).isEmpty();
		assertThat(editor
			.post("/newsroom/comments/" + reply,
					Map.of("name", "Replier", "email", "", "website", "", "text", "A corrected reply"))
			.statusCode()).isEqualTo(302);
		assertThat(audited(NewsroomAudit.COMMENT, reply)).containsExactly(moderator + "edited null");

		// Deleting a comment deletes its replies: each has its entry.
		assertThat(
				editor.post("/newsroom/comments", Map.of("action", "delete", "id", Long.toString(second))).statusCode())
			.isEqualTo(302);
		assertThat(stored(path)).isEqualTo(1);
		assertThat(audited(NewsroomAudit.COMMENT, second)).containsExactly(moderator + "spam approved",
				moderator + "deleted null");
		assertThat(audited(NewsroomAudit.COMMENT, reply)).containsExactly(moderator + "edited null",
				moderator + "deleted with-thread");

		// A refused moderator leaves nothing.
		var writer = new NewsroomBrowser(site).signIn("writer@example.com", "writer-password");
		assertThat(
				writer.post("/newsroom/comments", Map.of("action", "approve", "id", Long.toString(first))).statusCode())
			.isEqualTo(403);
		assertThat(audited(NewsroomAudit.COMMENT, first)).containsExactly(moderator + "spam pending");
	}

	/**
	 * @return the subject's audit entries, each as "accountId who action detail"
	 */
	List<String> audited(String subject, long id) {
		return site.bean(NewsroomAudit.class)
			.trail(subject, id)
			.stream()
			.map(e -> e.accountId() + " " + e.who() + " " + e.action() + " " + e.detail())
			.toList();
	}

	@Test
	void commentsCloseByThemselvesAfterTheConfiguredDays() {
		var old = TestArticles.publish(strict, "Old news", Instant.now().minus(Duration.ofDays(3)));
		var reader = new ReaderBrowser(strict);
		Document page = reader.open(old);
		assertThat(page.select("form#respond")).isEmpty();
		assertThat(page.select("#respond.closed").text()).contains("Comments are closed");
		// With a valid CSRF token (the like form's): refused because closed, and saying
		// so.
		var refused = reader.comment(old, comment("A", "a@example.com", "B"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(refused.body()).select("#respond").text()).contains("Comments are closed");
		String recent = publish(strict, "Recent news");
		assertThat(new ReaderBrowser(strict).open(recent).select("form#respond")).hasSize(1);
	}

	@Test
	void aReplyOnALaterPageOfCommentsKeepsItsPlace() {
		String path = publish(site, "Many threads");
		long article = id(path);
		Comments comments = site.bean(Comments.class);
		Comment last = null;
		for (int i = 0; i < 52; i++) {
			last = comments.add(article, "Thread " + i, "Thread text " + i, CommentStatus.APPROVED);
		}
		var reader = new ReaderBrowser(site);
		Document second = reader.open(path + "?cpage=2");
		String link = second.selectFirst("#comment-" + last.id() + " .reply a").attr("href");
		assertThat(link).contains("cpage=2").contains("replyto=" + last.id());
		Document replying = reader.open(link.substring(0, link.indexOf('#')));
		assertThat(replying.selectFirst("form#respond input[name=parent]").val()).isEqualTo(Long.toString(last.id()));
		var posted = reader.comment(path, Map.of("name", "Late", "email", "late-reply@example.com", "text", "Thanks!",
				"parent", Long.toString(last.id())));
		assertThat(posted.headers().firstValue("Location").orElseThrow()).contains("cpage=2");
		// The same words to another comment are a new reply; sent again to the same one,
		// a double click.
		reader.comment(path, Map.of("name", "Late", "email", "late-reply@example.com", "text", "Thanks!", "parent",
				Long.toString(last.id() - 1)));
		reader.comment(path, Map.of("name", "Late", "email", "late-reply@example.com", "text", "Thanks!", "parent",
				Long.toString(last.id())));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM comment WHERE article_id = ? AND body = 'Thanks!'")
			.param(article)
			.query(Integer.class)
			.single()).isEqualTo(2);
		// Another reader with the same email and words is not told about the first one.
		var other = new ReaderBrowser(site);
		other.open(path);
		var theirs = other.comment(path, Map.of("name", "Late", "email", "late-reply@example.com", "text", "Thanks!",
				"parent", Long.toString(last.id())));
		assertThat(theirs.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM comment WHERE article_id = ? AND body = 'Thanks!'")
			.param(article)
			.query(Integer.class)
			.single()).isEqualTo(3);
	}

	/**
	 * A form token is spent by its comment: replayed for another comment, refused; a
	 * double click is one comment.
	 */
	@Test
	void aFormTokenSendsOneComment() {
		String path = publish(site, "One form, one comment");
		long article = id(path);
		knownCommenter(article, "once@example.com");
		var reader = new ReaderBrowser(site);
		reader.open(path);
		String token = reader.field("token");
		assertThat(reader.comment(path, comment("Once", "once@example.com", "First words.")).statusCode())
			.isEqualTo(302);
		var doubleClick = reader.comment(path, withToken(comment("Once", "once@example.com", "First words."), token));
		assertThat(doubleClick.statusCode()).isEqualTo(302);
		var replay = reader.comment(path,
				withToken(comment("Once", "once@example.com", "Cheap pills, second spam."), token));
		assertThat(replay.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(replay.body()).select("form#respond").text()).contains("already sent a comment");
		// A bot that keeps the token and changes cookies is refused too.
		var bot = new ReaderBrowser(site);
		bot.open(path);
		var replayed = bot.comment(path, withToken(comment("Bot", "once@example.com", "Third words."), token));
		assertThat(replayed.statusCode()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT body FROM comment WHERE article_id = ? AND form_token IS NOT NULL")
			.param(article)
			.query(String.class)
			.list()).containsExactly("First words.");
		// The next page's form has a new token.
		assertThat(reader.comment(path, comment("Once", "once@example.com", "Second words.")).statusCode())
			.isEqualTo(302);
		assertThat(stored(path)).isEqualTo(3);
	}

	@Test
	void namesWebsitesAndWordsAreReadAsPeopleMeanThem() {
		String path = publish(site, "Unicode");
		long article = id(path);
		knownCommenter(article, "uni@example.com");
		var reader = new ReaderBrowser(site);
		reader.open(path);
		var invisible = reader.comment(path,
				Map.of("name", "\u200B\u202E", "email", "uni@example.com", "text", "Hidden"));
		assertThat(invisible.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(invisible.body()).select("[aria-invalid=true]").eachAttr("name"))
			.containsExactly("name");
		for (String website : List.of("example.com:8080", "https://bücher.de/", "http://example.org/a?b=c")) {
			assertThat(reader
				.comment(path,
						Map.of("name", "Ok", "email", "uni@example.com", "text", "Site " + website, "website", website))
				.statusCode()).as(website).isEqualTo(302);
		}
		for (String website : List.of("javascript:alert(1)", "data:text/html,x", "https://", "http://localhost")) {
			assertThat(reader
				.comment(path,
						Map.of("name", "No", "email", "uni@example.com", "text", "Site " + website, "website", website))
				.statusCode()).as(website).isEqualTo(400);
		}
		reader.comment(path, Map.of("name", "Ali\u202Ece", "email", "uni@example.com", "text", "A classic answer"));
		reader.comment(path, Map.of("name", "Eve", "email", "uni@example.com", "text", "Best ca\u200Bsino bonus"));
		assertThat(jdbc
			.sql("SELECT author_name || ':' || status FROM comment WHERE article_id = ? AND body IN "
					+ "('A classic answer', 'Best ca\u200Bsino bonus') ORDER BY id")
			.param(article)
			.query(String.class)
			.list()).containsExactly("Alice:approved", "Eve:spam");
	}

	@Test
	void malformedParametersAreNamedAndTheTextKept() {
		String path = publish(site, "Malformed");
		assertThat(site.get(path + "?corder=sideways").status()).isEqualTo(400);
		var zero = site.get(path + "?cpage=0");
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.html().text()).contains("cpage");
		assertThat(site.get(path).header("Cache-Control")).contains("private");
		var reader = new ReaderBrowser(site);
		reader.open(path);
		var badParent = reader.comment(path,
				Map.of("name", "P", "email", "p@example.com", "text", "Kept words", "parent", "abc"));
		assertThat(badParent.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(badParent.body()).selectFirst("form#respond textarea").text()).isEqualTo("Kept words");
		var editor = new NewsroomBrowser(site).signIn("moderator@example.com", "moderator-password");
		assertThat(editor.post("/newsroom/articles/999999/comments", Map.of("closed", "true")).statusCode())
			.isEqualTo(404);
		long id = site.bean(Comments.class).add(id(path), "Queued", "Wait", CommentStatus.PENDING).id();
		assertThat(editor
			.post("/newsroom/comments", Map.of("action", "approve", "id", Long.toString(id), "status", "bogus"))
			.statusCode()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT status FROM comment WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("pending");
		editor.post("/newsroom/articles/" + id(path) + "/comments", Map.of("closed", "true"));
		var closed = reader.comment(path, comment("Late", "late2@example.com", "Words I typed"));
		assertThat(closed.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(closed.body()).selectFirst("#respond textarea").text()).isEqualTo("Words I typed");
	}

	@Test
	void contributorsCannotModerate() {
		var writer = new NewsroomBrowser(site).signIn("writer@example.com", "writer-password");
		assertThat(writer.get("/newsroom/comments").statusCode()).isEqualTo(403);
		assertThat(writer.post("/newsroom/comments", Map.of("action", "approve", "id", "1")).statusCode())
			.isEqualTo(403);
	}

	@Test
	void tooManyCommentsAnswer429WithRetryAfterAndFastFormsAreRefused() {
		String path = publish(strict, "Rate limited");
		var reader = new ReaderBrowser(strict);
		reader.open(path);
		var tooFast = reader.comment(path, comment("Quick", "quick@example.com", "Instant"));
		assertThat(tooFast.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(tooFast.body()).select(".form-error").text()).contains("quick");
		// Three forms, one token each (a token sends one comment), all old enough after
		// the wait.
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			reader.open(path);
			tokens.add(reader.field("token"));
		}
		strictClock.advance(Duration.ofMillis(2100));
		List<Integer> statuses = new ArrayList<>();
		HttpResponse<String> last = null;
		for (int i = 0; i < 3; i++) {
			last = reader.comment(path,
					withToken(comment("Quick", "quick@example.com", "Comment " + i), tokens.get(i)));
			statuses.add(last.statusCode());
		}
		// Three a minute, and every attempt counts: the refused quick one was the first.
		assertThat(statuses).containsExactly(302, 302, 429);
		assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		assertThat(Jsoup.parse(last.body()).selectFirst("form#respond textarea").text()).isEqualTo("Comment 2");

		var liker = new ReaderBrowser(strict);
		liker.open(path);
		assertThat(liker.like(path, true).statusCode()).isEqualTo(200);
		assertThat(liker.like(path, true).statusCode()).isEqualTo(200);
		var throttled = liker.like(path, true);
		assertThat(throttled.statusCode()).isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void thirtyTwoClientsPostFiftyCommentsEach() throws Exception {
		String path = publish(site, "Busy thread");
		long article = id(path);
		ExecutorService pool = Executors.newFixedThreadPool(32);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int client = 0; client < 32; client++) {
				int c = client;
				results.add(pool.submit(() -> {
					var reader = new ReaderBrowser(site);
					reader.open(path);
					int ok = 0;
					for (int n = 0; n < 50; n++) {
						var response = reader.comment(path, comment("Client " + c, "client" + c + "@example.com",
								"Comment " + n + " from client " + c));
						ok += response.statusCode() == 302 ? 1 : 0;
					}
					return ok;
				}));
			}
			int acknowledged = 0;
			for (var result : results) {
				acknowledged += result.get();
			}
			assertThat(acknowledged).isEqualTo(1600);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(stored(path)).isEqualTo(1600);
		List<String> bodies = jdbc.sql("SELECT body FROM comment WHERE article_id = ?")
			.param(article)
			.query(String.class)
			.list();
		assertThat(new HashSet<>(bodies)).hasSize(1600);
		// All held (new emails); approving them all makes the count exact.
		List<Long> ids = jdbc.sql("SELECT id FROM comment WHERE article_id = ?")
			.param(article)
			.query(Long.class)
			.list();
		assertThat(site.bean(Moderation.class).apply(moderator(), Moderation.Action.APPROVE, ids)).isEqualTo(1600);
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM newsroom_audit l JOIN comment c ON c.id = l.subject_id
				WHERE l.subject = 'comment' AND l.action = 'approved' AND c.article_id = ?""")
			.param(article)
			.query(Integer.class)
			.single()).isEqualTo(1600);
		assertThat(site.bean(Comments.class).approvedCount(article)).isEqualTo(1600);
		assertThat(new ReaderBrowser(site).open(path).selectFirst(".byline a.comment-count").text())
			.isEqualTo("1,600 Comments");
	}

	@Test
	void aReaderLikesOnceAndConcurrentLikesAreCountedExactly() throws Exception {
		String path = publish(site, "Likeable");
		var reader = new ReaderBrowser(site);
		reader.open(path);
		var first = reader.like(path, false);
		assertThat(first.statusCode()).isEqualTo(302);
		assertThat(first.headers().firstValue("Location").orElseThrow()).endsWith(path + "#like");
		assertThat(reader.like(path, true).body()).contains("\"count\":1").contains("\"liked\":true");
		Document page = reader.open(path);
		assertThat(page.selectFirst("form#like .like-count").text()).isEqualTo("1 like");
		assertThat(page.selectFirst("form#like button").attr("aria-pressed")).isEqualTo("true");
		assertThat(new ReaderBrowser(site).open(path).selectFirst("form#like button").attr("aria-pressed"))
			.isEqualTo("false");

		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Callable<List<Integer>>> likers = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				likers.add(() -> {
					var r = new ReaderBrowser(site);
					r.open(path);
					return List.of(r.like(path, true).statusCode(), r.like(path, true).statusCode());
				});
			}
			for (var result : pool.invokeAll(likers)) {
				assertThat(result.get()).containsExactly(200, 200);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(site.bean(Likes.class).state(id(path), null).count()).isEqualTo(65);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM article_like WHERE reader LIKE '%.%' OR LENGTH(reader) <> 64")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void oneAddressCannotLikeWithoutLimitByClearingCookies() {
		try (RunningSite capped = start("--broadsheet.comments.likes-per-address=3")) {
			String path = publish(capped, "Capped");
			for (int i = 0; i < 5; i++) {
				var fresh = new ReaderBrowser(capped);
				fresh.open(path);
				fresh.like(path, true);
			}
			long article = capped.bean(PublishedArticles.class)
				.published(path.split("/")[1], path.split("/")[2])
				.orElseThrow()
				.id();
			assertThat(capped.bean(Likes.class).state(article, null).count()).isEqualTo(3);
		}
	}

	Account moderator() {
		return site.bean(Accounts.class).all().stream().filter(a -> a.role() == Role.EDITOR).findFirst().orElseThrow();
	}

}
