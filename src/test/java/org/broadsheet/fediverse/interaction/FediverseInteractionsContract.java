package org.broadsheet.fediverse.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.comment.Comment;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Comments;
import org.broadsheet.comment.FederatedComments;
import org.broadsheet.comment.Moderation;
import org.broadsheet.fediverse.inbox.InboxActivity;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestClock;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replies, likes, boosts and blocks from the fediverse, against a running site: the
 * handlers are called as the inbox calls them, with activities in Mastodon's shapes
 * (fixtures in {@code fediverse/mastodon/}), and the authors' actor documents served by a
 * JDK HttpServer on 127.0.0.1. Run on SQLite and PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FediverseInteractionsContract {

	static final String BASE = "https://news.example";

	final TestClock clock = new TestClock();

	final JsonMapper json = new JsonMapper();

	final AtomicInteger serial = new AtomicInteger();

	RunningSite site;

	HttpServer remote;

	String articlePath;

	long articleId;

	/**
	 * @return Spring options giving a site started by this test a new, empty database
	 */
	abstract List<String> databaseOptions();

	@BeforeAll
	void start() throws IOException {
		remote = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		remote.createContext("/users/", exchange -> {
			String user = exchange.getRequestURI().getPath().substring("/users/".length());
			byte[] body = fixture("actor.json",
					Map.of("{{ACTOR}}", actor(user), "{{USER}}", user, "{{NAME}}",
							user.substring(0, 1).toUpperCase() + user.substring(1) + " <b>Reader</b>"))
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/activity+json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		remote.start();
		List<String> options = new ArrayList<>(databaseOptions());
		options.addAll(List.of("--broadsheet.site.base-url=" + BASE, "--broadsheet.fediverse.allow-http=true",
				"--broadsheet.fediverse.allow-private-addresses=true", "--broadsheet.comments.blocklist=casino",
				"--broadsheet.comments.per-minute=1000", "--broadsheet.comments.per-hour=10000"));
		site = RunningSite.start(TestDatabases.newDataFolder(), clock, options.toArray(String[]::new));
		var article = site.bean(ArticleWorkflow.class)
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, "Harbour reopens", "News", List.of(AuthorProfile.named("Ada Lovelace")),
							"The port is open again", "The harbour reopened today.", null, List.of(), null,
							ArticleStatus.PUBLISHED, Instant.now().minusSeconds(3600), null, null));
		articlePath = article.path();
		articleId = article.id();
	}

	@AfterAll
	void stop() {
		if (site != null) {
			site.close();
		}
		if (remote != null) {
			remote.stop(0);
		}
	}

	String actor(String user) {
		return "http://127.0.0.1:" + remote.getAddress().getPort() + "/users/" + user;
	}

	String articleUrl() {
		return BASE + articlePath;
	}

	static String fixture(String name, Map<String, String> values) {
		try (var in = FediverseInteractionsContract.class.getResourceAsStream("/fediverse/mastodon/" + name)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (var entry : values.entrySet()) {
				text = text.replace(entry.getKey(), entry.getValue());
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	InboxActivity activity(String fixture, String signer, Map<String, String> values) {
		JsonNode node = json.readTree(fixture(fixture, values));
		return new InboxActivity(URI.create(signer), node.get("type").asString(), node, null, clock.millis());
	}

	/** A new Note id of that user's. */
	String note(String user) {
		return actor(user) + "/statuses/" + serial.incrementAndGet();
	}

	InboxActivity create(String user, String note, String inReplyTo) {
		return activity("create-note.json", actor(user),
				Map.of("{{ACTOR}}", actor(user), "{{NOTE}}", note, "{{IN_REPLY_TO}}", inReplyTo));
	}

	InboxActivity withContent(InboxActivity activity, String html) {
		((ObjectNode) activity.activity().get("object")).put("content", html);
		return activity;
	}

	void deliver(InboxActivity activity) {
		(activity.type().equals("Like") || activity.type().equals("Announce") ? site.bean(FediverseReactions.class)
				: site.bean(Replies.class))
			.handle(activity);
	}

	Comment stored(String note) {
		return site.bean(FederatedComments.class).find(note).orElseThrow();
	}

	@Test
	void aReplyToTheArticleIsHeldWithItsAuthorThenShownWhenApproved() {
		String note = note("alice");
		deliver(create("alice", note, articleUrl()));
		Comment comment = stored(note);
		assertThat(comment.status()).isEqualTo(CommentStatus.PENDING);
		assertThat(comment.articleId()).isEqualTo(articleId);
		assertThat(comment.authorName()).isEqualTo("Alice <b>Reader</b>");
		assertThat(comment.authorUrl()).isEqualTo("https://social.example/@alice");
		assertThat(comment.body())
			.isEqualTo("@news Good piece, see https://port.example/report/2026\n\nSecond paragraph.");
		var author = site.bean(FederatedComments.class).author(comment.id()).orElseThrow();
		assertThat(author.avatarUrl()).isEqualTo("https://files.social.example/accounts/avatars/alice.png");
		assertThat(author.actorId()).isEqualTo(actor("alice"));
		assertThat(site.get(articlePath).html().select("#comment-" + comment.id())).isEmpty();

		site.bean(Moderation.class).apply(TestArticles.ACTOR, Moderation.Action.APPROVE, List.of(comment.id()));
		var page = site.get(articlePath);
		assertThat(page.status()).isEqualTo(200);
		var shown = page.html().selectFirst("#comment-" + comment.id());
		assertThat(shown).isNotNull();
		var link = shown.selectFirst("a.comment-author");
		assertThat(link.attr("href")).isEqualTo("https://social.example/@alice");
		assertThat(link.text()).isEqualTo("Alice <b>Reader</b>");
		assertThat(shown.select("b")).isEmpty();
		assertThat(shown.select("a[href=https://port.example/report/2026]")).hasSize(1);

		String reply = note("bob");
		deliver(create("bob", reply, articleUrl() + "#" + FederatedComments.fragment(comment.id())));
		assertThat(stored(reply).parentId()).isEqualTo(comment.id());
	}

	@Test
	void theSameNoteDeliveredTwiceIsOneComment() {
		String note = note("carol");
		deliver(create("carol", note, articleUrl()));
		deliver(create("carol", note, articleUrl()));
		int count = site.bean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM comment_remote WHERE object_id = ?")
			.param(note)
			.query(Integer.class)
			.single();
		assertThat(count).isEqualTo(1);
		assertThat(site.bean(Comments.class).all(articleId).stream().filter(c -> c.id() == stored(note).id()))
			.hasSize(1);
	}

	@Test
	void repliesToUnknownArticlesOrCommentsAreRefusedNamingInReplyTo() {
		assertThatThrownBy(() -> deliver(create("dave", note("dave"), BASE + "/news/no-such-article")))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("inReplyTo"));
		assertThatThrownBy(() -> deliver(create("dave", note("dave"), articleUrl() + "#comment-999999")))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("inReplyTo"));
		assertThatThrownBy(() -> deliver(create("dave", note("dave"), "https://elsewhere.example" + articlePath)))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("inReplyTo"));
	}

	@Test
	void blockedAccountsAndDomainsChangeNothing() {
		var blocks = site.bean(FediverseBlocks.class);
		var domain = blocks.block(TestArticles.ACTOR, "spam.example");
		assertThat(domain.kind()).isEqualTo(FediverseBlocks.Kind.DOMAIN);
		var account = blocks.block(TestArticles.ACTOR, actor("mallory"));
		assertThat(blocks.blocked(URI.create("https://social.spam.example/users/x"))).isTrue();
		assertThat(blocks.blocked(URI.create("https://notspam.example/users/x"))).isFalse();

		String note = note("mallory");
		deliver(create("mallory", note, articleUrl()));
		assertThat(site.bean(FederatedComments.class).find(note)).isEmpty();
		var spamActivity = activity("like.json", "https://social.spam.example/users/x",
				Map.of("{{ACTOR}}", "https://social.spam.example/users/x", "{{N}}", "1", "{{OBJECT}}", articleUrl()));
		int before = site.bean(FediverseReactions.class).counts(articleId).likes();
		deliver(spamActivity);
		assertThat(site.bean(FediverseReactions.class).counts(articleId).likes()).isEqualTo(before);

		assertThat(blocks.list(TestArticles.ACTOR, 10)).extracting(FediverseBlocks.Block::value)
			.contains("spam.example", actor("mallory"));
		blocks.unblock(TestArticles.ACTOR, account.id());
		deliver(create("mallory", note, articleUrl()));
		assertThat(site.bean(FederatedComments.class).find(note)).isPresent();
		assertThatThrownBy(() -> blocks.block(TestArticles.ACTOR, "not a domain"))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("value"));
	}

	@Test
	void aBlocklistedWordMakesTheReplySpamAndScriptIsStripped() {
		String note = note("erin");
		deliver(withContent(create("erin", note, articleUrl()),
				"<p>Visit my casino</p><script>alert(1)</script><img src=x onerror=alert(2)>"));
		Comment comment = stored(note);
		assertThat(comment.status()).isEqualTo(CommentStatus.SPAM);
		assertThat(comment.body()).isEqualTo("Visit my casino");

		String other = note("erin");
		deliver(withContent(create("erin", other, articleUrl()),
				"<p>Fine <a href=\"javascript:alert(1)\">click</a> <em>words</em></p>"));
		assertThat(stored(other).body()).isEqualTo("Fine click words");
		assertThat(stored(other).status()).isEqualTo(CommentStatus.PENDING);
	}

	@Test
	void onlyTheAuthorUpdatesOrDeletesTheirReply() {
		String note = note("frank");
		deliver(create("frank", note, articleUrl()));
		long id = stored(note).id();
		site.bean(Moderation.class).apply(TestArticles.ACTOR, Moderation.Action.APPROVE, List.of(id));
		var values = Map.of("{{ACTOR}}", actor("frank"), "{{NOTE}}", note, "{{IN_REPLY_TO}}", articleUrl());
		deliver(activity("update-note.json", actor("frank"), values));
		assertThat(stored(note).body()).isEqualTo("Corrected: the port reopened on Monday.");
		assertThat(stored(note).status()).isEqualTo(CommentStatus.PENDING);

		var forged = Map.of("{{ACTOR}}", actor("grace"), "{{NOTE}}", note, "{{IN_REPLY_TO}}", articleUrl());
		assertThatThrownBy(() -> deliver(activity("delete-note.json", actor("grace"), forged)))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("actor"));
		assertThatThrownBy(() -> deliver(activity("update-note.json", actor("grace"), forged)))
			.isInstanceOf(InvalidInput.class);
		assertThat(stored(note).body()).isEqualTo("Corrected: the port reopened on Monday.");

		deliver(activity("delete-note.json", actor("frank"), values));
		assertThat(site.bean(FederatedComments.class).find(note)).isEmpty();
		deliver(activity("delete-note.json", actor("frank"), values));
	}

	@Test
	void likesAndBoostsAreCountedOnceAndUndone() {
		var reactions = site.bean(FediverseReactions.class);
		var before = reactions.counts(articleId);
		var like = Map.of("{{ACTOR}}", actor("heidi"), "{{N}}", "7", "{{OBJECT}}", articleUrl());
		deliver(activity("like.json", actor("heidi"), like));
		deliver(activity("like.json", actor("heidi"), like));
		deliver(activity("announce.json", actor("heidi"), like));
		assertThat(reactions.counts(articleId))
			.isEqualTo(new FediverseReactions.Counts(before.likes() + 1, before.boosts() + 1));

		assertThat(reactions.undo(activity("undo-like.json", actor("ivan"), like))).isTrue();
		assertThat(reactions.counts(articleId).likes()).isEqualTo(before.likes() + 1);
		assertThat(reactions.undo(activity("undo-like.json", actor("heidi"), like))).isTrue();
		assertThat(reactions.counts(articleId).likes()).isEqualTo(before.likes());

		var follow = json.readTree(
				"{\"type\":\"Undo\",\"object\":{\"type\":\"Follow\",\"id\":\"" + actor("heidi") + "#follows/1\"}}");
		assertThat(reactions.undo(new InboxActivity(URI.create(actor("heidi")), "Undo", follow, null, 0))).isFalse();
		assertThatThrownBy(() -> deliver(activity("like.json", actor("heidi"),
				Map.of("{{ACTOR}}", actor("heidi"), "{{N}}", "8", "{{OBJECT}}", BASE + "/news/nothing"))))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("object"));
	}

}
