package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.comment.FederatedComment;
import org.broadsheet.comment.FederatedComments;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The newsroom's fediverse page over real HTTP, signed in as an editor with the session's
 * CSRF token (docs/fediverse.md, "Newsroom"): follower counts, approving a pending
 * follower (state accepted, an {@code Accept} of its Follow queued and received by a peer
 * inbox on 127.0.0.1), rejecting one (row gone, a {@code Reject} queued), unknown ids
 * 404, authors 403, blocks added and removed (a bad value answered 400 beside its field,
 * nothing stored), a dead instance forgotten, and the moderation queue showing a
 * fediverse author's avatar and profile. Run on SQLite and PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FediverseNewsroomContract {

	static final String PASSWORD = "a long enough password";

	final JsonMapper json = new JsonMapper();

	final List<JsonNode> received = new CopyOnWriteArrayList<>();

	RunningSite site;

	HttpServer peer;

	NewsroomBrowser editor;

	JdbcClient jdbc;

	long articleId;

	/**
	 * @return Spring options giving a site started by this test a new, empty database
	 */
	abstract List<String> databaseOptions();

	@BeforeAll
	void start() throws IOException {
		peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		peer.createContext("/inbox", exchange -> {
			received.add(json.readTree(exchange.getRequestBody().readAllBytes()));
			exchange.sendResponseHeaders(202, -1);
			exchange.close();
		});
		peer.start();
		List<String> options = new ArrayList<>(databaseOptions());
		options.addAll(List.of("--broadsheet.site.base-url=https://news.example",
				"--broadsheet.fediverse.approve-followers=true", "--broadsheet.fediverse.allow-http=true",
				"--broadsheet.fediverse.allow-private-addresses=true"));
		site = RunningSite.start(TestDatabases.newDataFolder(), options.toArray(String[]::new));
		var accounts = site.bean(Accounts.class);
		accounts.create(SystemActor.CLI, "eda@news.test", "Eda Editor", Role.EDITOR, PASSWORD);
		accounts.create(SystemActor.CLI, "al@news.test", "Al Author", Role.AUTHOR, PASSWORD);
		editor = new NewsroomBrowser(site).signIn("eda@news.test", PASSWORD);
		jdbc = site.bean(JdbcClient.class);
		articleId = site.bean(ArticleWorkflow.class)
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, "Harbour reopens", "News", List.of(AuthorProfile.named("Ada Lovelace")),
							"The port is open again", "The harbour reopened today.", null, List.of(), null,
							ArticleStatus.PUBLISHED, Instant.now().minusSeconds(3600), null, null))
			.id();
	}

	@AfterAll
	void stop() {
		if (site != null) {
			site.close();
		}
		if (peer != null) {
			peer.stop(0);
		}
	}

	String inbox() {
		return "http://127.0.0.1:" + peer.getAddress().getPort() + "/inbox";
	}

	/** Stores a follower of the publication as the follow handler does. */
	long follower(String name, String state) {
		return follower(name, state, "site");
	}

	/** Stores a follower of a local actor as the follow handler does. */
	long follower(String name, String state, String actorKey) {
		String actor = "http://127.0.0.1:" + peer.getAddress().getPort() + "/users/" + name;
		return jdbc.sql("""
				INSERT INTO fediverse_follower (actor_key, follower, inbox, shared_inbox, state, follow_id, created_at)
				VALUES (?, ?, ?, NULL, ?, ?, ?) RETURNING id""")
			.params(actorKey, actor, inbox(), state, actor + "/follows/1", System.currentTimeMillis())
			.query(Long.class)
			.single();
	}

	Document page() {
		var response = editor.get("/newsroom/fediverse");
		assertThat(response.statusCode()).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	/** The activity of the newest queued delivery of this type to the peer's inbox. */
	JsonNode queued(String type) {
		return jdbc.sql("SELECT activity FROM fediverse_delivery WHERE target = ? AND activity LIKE ? ORDER BY id DESC")
			.params(inbox(), "%\"type\":\"" + type + "\"%")
			.query(String.class)
			.list()
			.stream()
			.findFirst()
			.map(json::readTree)
			.orElseThrow(() -> new AssertionError("no " + type + " queued"));
	}

	@Test
	void theEditorApprovesAndRejectsPendingFollowers() {
		long approved = follower("pat", "pending");
		long rejected = follower("rex", "pending");
		follower("acc", "accepted");

		var shown = page();
		var site = shown.select(".follower-counts tbody tr").first();
		assertThat(site.select("td").eachText()).containsSubsequence("1", "2");
		assertThat(shown.select(".pending-followers a[href$=/users/pat]")).hasSize(1);

		var approve = editor.post("/newsroom/fediverse/followers/" + approved + "/approve", Map.of());
		assertThat(approve.statusCode()).isEqualTo(302);
		assertThat(state(approved)).isEqualTo("accepted");
		var accept = queued("Accept");
		assertThat(accept.get("actor").asString()).isEqualTo("https://news.example/ap/site");
		assertThat(accept.get("object").get("id").asString()).endsWith("/users/pat/follows/1");
		assertThat(accept.get("object").get("type").asString()).isEqualTo("Follow");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> received.stream().anyMatch(a -> a.get("id").asString().equals(accept.get("id").asString())));
		assertThat(editor.post("/newsroom/fediverse/followers/" + approved + "/approve", Map.of()).statusCode())
			.isEqualTo(409);

		assertThat(editor.post("/newsroom/fediverse/followers/" + rejected + "/reject", Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM fediverse_follower WHERE id = ?")
			.param(rejected)
			.query(Long.class)
			.single()).isZero();
		var reject = queued("Reject");
		assertThat(reject.get("object").get("actor").asString()).endsWith("/users/rex");
		assertThat(audits("fediverse-follower")).isGreaterThanOrEqualTo(2);
		assertThat(changes("fedifollow")).isGreaterThanOrEqualTo(2);

		assertThat(editor.post("/newsroom/fediverse/followers/999999/approve", Map.of()).statusCode()).isEqualTo(404);
		assertThat(editor.post("/newsroom/fediverse/followers/999999/reject", Map.of()).statusCode()).isEqualTo(404);
		assertThat(editor.post("/newsroom/fediverse/followers/nope/reject", Map.of()).statusCode()).isEqualTo(400);
		assertThat(page().select(".pending-followers a[href*=/users/pat], .pending-followers a[href*=/users/rex]"))
			.isEmpty();
	}

	@Test
	void authorsAreRefused() {
		long pending = follower("ann", "pending", "section:77");
		var author = new NewsroomBrowser(site).signIn("al@news.test", PASSWORD);
		assertThat(author.get("/newsroom/fediverse").statusCode()).isEqualTo(403);
		assertThat(author.post("/newsroom/fediverse/followers/" + pending + "/approve", Map.of()).statusCode())
			.isEqualTo(403);
		assertThat(author.post("/newsroom/fediverse/blocks", Map.of("value", "spam.example")).statusCode())
			.isEqualTo(403);
		assertThat(state(pending)).isEqualTo("pending");
		assertThat(Jsoup.parse(author.get("/newsroom").body()).select("a[href=/newsroom/fediverse]")).isEmpty();
		assertThat(Jsoup.parse(editor.get("/newsroom").body()).select("a[href=/newsroom/fediverse]")).hasSize(1);
	}

	@Test
	void theEditorBlocksAndUnblocks() {
		var refused = editor.post("/newsroom/fediverse/blocks", Map.of("value", "not a domain!"));
		assertThat(refused.statusCode()).isEqualTo(400);
		var form = Jsoup.parse(refused.body());
		assertThat(form.selectFirst("#block-value").attr("aria-invalid")).isEqualTo("true");
		assertThat(form.selectFirst("#block-value").val()).isEqualTo("not a domain!");
		assertThat(form.selectFirst("#block-value-error").text()).contains("not a domain!");
		assertThat(blocks()).isZero();

		assertThat(editor.post("/newsroom/fediverse/blocks", Map.of("value", "Spam.Example")).statusCode())
			.isEqualTo(302);
		assertThat(editor.post("/newsroom/fediverse/blocks", Map.of("value", "https://social.example/users/troll"))
			.statusCode()).isEqualTo(302);
		var listed = page().select(".block-list tbody tr");
		assertThat(listed.eachText()).anyMatch(t -> t.contains("spam.example"))
			.anyMatch(t -> t.contains("https://social.example/users/troll"));
		String remove = listed.first().selectFirst("form").attr("action");
		assertThat(editor.post(remove, Map.of()).statusCode()).isEqualTo(302);
		assertThat(blocks()).isEqualTo(1);
		assertThat(editor.post(remove, Map.of()).statusCode()).isEqualTo(404);
	}

	@Test
	void theEditorSeesDeliveriesAndForgetsADeadInstance() {
		long now = System.currentTimeMillis();
		jdbc.sql("""
				INSERT INTO fediverse_delivery (activity, sender, target, status, attempts, next_attempt_at, created_at,
				last_error) VALUES ('{}', 'site', 'https://gone.example/inbox', 'failed', 1, ?, ?, 'HTTP 410')""")
			.params(now, now)
			.update();
		jdbc.sql("INSERT INTO fediverse_instance (host, failures, failing_since, dead_at) VALUES (?, 12, ?, ?)")
			.params("dead.example", now - 2 * 86_400_000L, now)
			.update();
		// Publishing the article announced it (fediverse_article); a like of it arrives.
		jdbc.sql("""
				INSERT INTO fediverse_reaction (article_id, actor_id, kind, activity_id, created_at)
				VALUES (?, 'https://social.example/users/fan', 'like', 'https://social.example/likes/1', ?)""")
			.params(articleId, now)
			.update();

		var shown = page();
		assertThat(shown.select(".delivery-counts li").eachText()).contains("Failed: 1");
		assertThat(shown.select(".delivery-failures tbody tr").text()).contains("gone.example", "HTTP 410");
		assertThat(shown.select(".reaction-counts tbody tr").first().select("td").eachText())
			.containsSubsequence("Harbour reopens", "1", "0");
		var dead = shown.select(".dead-instances tbody tr");
		assertThat(dead.text()).contains("dead.example");

		assertThat(editor.post("/newsroom/fediverse/instances/forget", Map.of("host", "dead.example")).statusCode())
			.isEqualTo(302);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM fediverse_instance WHERE host = 'dead.example'")
			.query(Long.class)
			.single()).isZero();
		assertThat(audits("fediverse-instance")).isEqualTo(1);
		assertThat(changes("fedihost")).isEqualTo(1);
		assertThat(editor.post("/newsroom/fediverse/instances/forget", Map.of("host", "dead.example")).statusCode())
			.isEqualTo(404);
		assertThat(editor.post("/newsroom/fediverse/instances/forget", Map.of("host", " ")).statusCode())
			.isEqualTo(400);
	}

	@Test
	void theModerationQueueShowsAFediverseAuthor() {
		site.bean(FederatedComments.class)
			.receive(
					new FederatedComment(articleId, null, "https://social.example/users/rosa",
							"https://social.example/users/rosa/statuses/1", "Rosa", "https://social.example/@rosa",
							"https://files.social.example/avatars/rosa.png", "A reply from the fediverse."),
					Instant.now().minusSeconds(3600));
		var response = editor.get("/newsroom/comments?status=pending");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("img-src")
			.contains("https:");
		var queue = Jsoup.parse(response.body());
		var avatar = queue.selectFirst("img.remote-avatar");
		assertThat(avatar.attr("src")).isEqualTo("https://files.social.example/avatars/rosa.png");
		assertThat(avatar.attr("loading")).isEqualTo("lazy");
		assertThat(avatar.attr("referrerpolicy")).isEqualTo("no-referrer");
		assertThat(avatar.attr("width")).isEqualTo("48");
		assertThat(avatar.attr("height")).isEqualTo("48");
		assertThat(avatar.attr("alt")).contains("Rosa");
		var profile = queue.selectFirst("a.remote-profile");
		assertThat(profile.attr("href")).isEqualTo("https://social.example/@rosa");
		assertThat(profile.attr("rel")).isEqualTo("nofollow ugc noopener");

		// What a hostile server sends: no plain-http avatar, no script address as a link.
		site.bean(FederatedComments.class)
			.receive(new FederatedComment(articleId, null, "https://evil.example/users/mallory",
					"https://evil.example/users/mallory/statuses/1", "Mallory", "javascript:alert(1)",
					"http://evil.example/tracker.png", "Another reply."), Instant.now().minusSeconds(3000));
		var row = Jsoup.parse(editor.get("/newsroom/comments?status=pending").body())
			.select("tr")
			.stream()
			.filter(tr -> tr.text().contains("Another reply."))
			.findFirst()
			.orElseThrow();
		assertThat(row.select("img")).isEmpty();
		assertThat(row.select("a[href^=javascript]")).isEmpty();
		assertThat(row.selectFirst("a.remote-profile").attr("href")).isEqualTo("https://evil.example/users/mallory");
	}

	String state(long follower) {
		return jdbc.sql("SELECT state FROM fediverse_follower WHERE id = ?")
			.param(follower)
			.query(String.class)
			.single();
	}

	long blocks() {
		return jdbc.sql("SELECT COUNT(*) FROM fediverse_block").query(Long.class).single();
	}

	long audits(String subject) {
		return jdbc.sql("SELECT COUNT(*) FROM newsroom_audit WHERE subject = ?")
			.param(subject)
			.query(Long.class)
			.single();
	}

	long changes(String subject) {
		return jdbc.sql("SELECT COUNT(*) FROM change_log WHERE subject = ?").param(subject).query(Long.class).single();
	}

}
