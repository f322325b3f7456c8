package org.broadsheet.fediverse.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.ImageUse;
import org.broadsheet.article.Syndication;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.fediverse.signature.FetchSettings;
import org.broadsheet.fediverse.signature.HttpSignatures;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestClock;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox, following and delivery over real HTTP between a running site and a test peer
 * ({@link FediversePeer}, a JDK HttpServer on 127.0.0.1 with its own RSA keys): the inbox
 * refuses unsigned, tampered and stale requests (401); a signed {@code Follow} is taken
 * (202), stored, and answered with a signed {@code Accept}; publishing, updating and
 * unpublishing an article send {@code Create} (its content with the lead image's credit
 * and the syndication note) and the publication's {@code Announce}, {@code Update}, and
 * {@code Undo} of the {@code Announce} and {@code Delete}, once per shared inbox however
 * many followers are behind it; a peer answering 500 gets the activity again after the
 * backoff, and once only. Run on SQLite and PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FediverseDeliveryContract {

	static final int WAIT = 15;

	final TestClock clock = new TestClock();

	final JsonMapper json = new JsonMapper();

	FediversePeer peer;

	RunningSite site;

	String inbox;

	String siteActor;

	abstract List<String> databaseOptions();

	@BeforeAll
	void start() throws Exception {
		peer = new FediversePeer("alice", "bob");
		site = startSite(TestDatabases.newDataFolder(), databaseOptions());
		siteActor = site.url("/ap/site");
		inbox = site.url("/ap/inbox");
	}

	RunningSite startSite(java.nio.file.Path data, List<String> database) throws Exception {
		return startSite(data, database, null);
	}

	/**
	 * @param baseUrl the base URL of the cluster the node is part of, or null for the
	 * node's own address
	 */
	RunningSite startSite(java.nio.file.Path data, List<String> database, String baseUrl) throws Exception {
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> options = new ArrayList<>(database);
		options.addAll(List.of("--broadsheet.fediverse.allow-http=true", "--broadsheet.fediverse.delivery-batch=2",
				"--broadsheet.fediverse.allow-private-addresses=true", "--broadsheet.fediverse.poll-interval=100ms"));
		Map<String, Object> fixed = Map.of("server.port", port, "broadsheet.site.base-url",
				baseUrl == null ? "http://localhost:" + port : baseUrl);
		return RunningSite.startWith(data, context -> {
			context.getBeanFactory().registerSingleton("testClock", clock);
			context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("peer-test", fixed));
		}, options.toArray(String[]::new));
	}

	@AfterAll
	void stop() {
		if (site != null) {
			site.close();
		}
		if (peer != null) {
			peer.close();
		}
	}

	Map<String, Object> follow(String who, String id) {
		return Map.of("@context", "https://www.w3.org/ns/activitystreams", "id", peer.actorId(who) + "#follows/" + id,
				"type", "Follow", "actor", peer.actorId(who), "object", siteActor);
	}

	@Test
	@Order(1)
	void refusesUnsignedTamperedAndStaleRequests() throws Exception {
		var unsigned = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(inbox))
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(follow("alice", "x"))))
				.header("Content-Type", "application/activity+json")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(unsigned.statusCode()).isEqualTo(401);
		assertThat(unsigned.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(peer.post(inbox, "alice", follow("alice", "x"), clock, true).statusCode()).isEqualTo(401);
		Clock old = Clock.offset(clock, Duration.ofHours(-2));
		assertThat(peer.post(inbox, "alice", follow("alice", "x"), old, false).statusCode()).isEqualTo(401);
		// Signed by alice, but the activity says bob.
		var impostor = new java.util.LinkedHashMap<>(follow("bob", "x"));
		assertThat(peer.post(inbox, "alice", impostor, clock, false).statusCode()).isEqualTo(401);
		var typeless = new java.util.LinkedHashMap<String, Object>(follow("alice", "y"));
		typeless.remove("type");
		var malformed = peer.post(inbox, "alice", typeless, clock, false);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("type");
		assertThat(peer.drain()).isEmpty();
	}

	@Test
	@Order(2)
	void takesAFollowAndAcceptsIt() throws Exception {
		assertThat(peer.post(inbox, "alice", follow("alice", "1"), clock, false).statusCode()).isEqualTo(202);
		var accept = peer.next(WAIT);
		assertThat(accept).as("an Accept within " + WAIT + " s").isNotNull();
		assertThat(accept.path()).isEqualTo("/users/alice/inbox");
		assertThat(accept.activity().get("type").asString()).isEqualTo("Accept");
		assertThat(accept.activity().get("actor").asString()).isEqualTo(siteActor);
		assertThat(accept.activity().get("object").get("id").asString())
			.isEqualTo(peer.actorId("alice") + "#follows/1");
		assertSignedBySite(accept);
		assertThat(peer.post(site.url("/ap/site/inbox"), "bob", follow("bob", "2"), clock, false).statusCode())
			.isEqualTo(202);
		assertThat(peer.next(WAIT).path()).isEqualTo("/users/bob/inbox");
		assertThat(followers()).isEqualTo(2);
		var collection = json.readTree(site.get("/ap/site/followers").response().body());
		assertThat(collection.get("totalItems").asLong()).isEqualTo(2);
	}

	@Test
	@Order(3)
	void sendsCreateAnnounceUpdateUndoAndDeleteOncePerSharedInbox() throws Exception {
		var workflow = site.bean(ArticleWorkflow.class);
		var photo = java.nio.file.Files.createTempFile("lead", ".jpg");
		java.nio.file.Files.write(photo, TestImages.jpeg(400, 200));
		var image = site.bean(MediaLibrary.class)
			.store(photo, "Cranes at dusk", "Cranes at the reopened harbour", "Photo: Port Authority");
		var draft = draft("Harbour reopens", "The harbour reopened.")
			.withLeadImage(new ImageUse(image.id(), null, null, null));
		draft = new ArticleDraft(draft.slug(), draft.title(), draft.section(), draft.authors(), draft.summary(),
				draft.bodyMarkdown(), draft.leadImage(), draft.tags(), draft.language(), draft.status(),
				draft.publishedAt(), draft.updatedAt(), new Syndication("Harbour Weekly",
						"A longer version first appeared in Harbour Weekly", "https://weekly.example/harbour"));
		var saved = workflow.store(TestArticles.ACTOR, draft);
		// alice and bob share the peer's inbox: one Create (from the author) and one
		// Announce (from the publication, which is whom they follow).
		Map<String, FediversePeer.Received> published = byType(2);
		var create = published.get("Create");
		assertThat(create).as("a Create within " + WAIT + " s").isNotNull();
		assertThat(create.path()).isEqualTo("/inbox");
		JsonNode article = create.activity().get("object");
		assertThat(article.get("type").asString()).isEqualTo("Article");
		assertThat(article.get("id").asString()).isEqualTo(site.url(saved.path()));
		assertThat(article.get("attributedTo").get(0).asString()).startsWith(site.url("/ap/authors/"));
		assertThat(article.get("summary").asString()).isEqualTo("About Harbour reopens");
		var content = org.jsoup.Jsoup.parseBodyFragment(article.get("content").asString()).body();
		assertThat(content.text()).startsWith("Ada Lovelace")
			.contains("Cranes at the reopened harbour Photo: Port Authority", "The harbour reopened.")
			.endsWith("A longer version first appeared in Harbour Weekly. Read the original in Harbour Weekly");
		assertThat(content.select("a[href=https://weekly.example/harbour]")).hasSize(1);
		assertThat(article.get("image").get("url").asString()).startsWith(site.url("/media/"));
		assertThat(create.activity().get("to").get(0).asString())
			.isEqualTo("https://www.w3.org/ns/activitystreams#Public");
		assertSignedBySender(create);

		var announce = published.get("Announce");
		assertThat(announce).as("an Announce by the publication").isNotNull();
		assertThat(announce.path()).isEqualTo("/inbox");
		assertThat(announce.activity().get("actor").asString()).isEqualTo(siteActor);
		assertThat(announce.activity().get("id").asString()).startsWith(siteActor + "#announce-" + saved.id() + "-");
		assertThat(announce.activity().get("object").asString()).isEqualTo(site.url(saved.path()));
		assertThat(announce.activity().get("to").get(0).asString())
			.isEqualTo("https://www.w3.org/ns/activitystreams#Public");
		assertThat(announce.activity().get("cc").get(0).asString()).isEqualTo(siteActor + "/followers");
		assertSignedBySite(announce);
		assertThat(peer.next(1)).as("each once").isNull();

		var siteOutbox = json.readTree(site.get("/ap/site/outbox?page=true").response().body());
		assertThat(siteOutbox.get("orderedItems").get(0).get("id").asString())
			.isEqualTo(announce.activity().get("id").asString());
		assertThat(json.readTree(site.get("/ap/site/outbox").response().body()).get("totalItems").asLong())
			.isEqualTo(1);
		String author = create.activity().get("actor").asString();
		var authorOutbox = json
			.readTree(site.get(URI.create(author).getRawPath() + "/outbox?page=true").response().body());
		assertThat(authorOutbox.get("orderedItems").get(0).get("id").asString())
			.isEqualTo(create.activity().get("id").asString());

		clock.advance(Duration.ofMinutes(1));
		TestArticles.republish(workflow, saved.id(), draft("Harbour reopens", "The harbour reopened at dawn."));
		var update = peer.next(WAIT);
		assertThat(update).as("an Update").isNotNull();
		assertThat(update.activity().get("type").asString()).isEqualTo("Update");
		assertThat(update.activity().get("object").get("content").asString()).contains("at dawn");
		assertThat(peer.next(1)).as("no second Announce for an update").isNull();

		workflow.unpublish(TestArticles.ACTOR, saved.id(), null);
		Map<String, FediversePeer.Received> withdrawn = byType(2);
		var undo = withdrawn.get("Undo");
		assertThat(undo).as("an Undo of the Announce").isNotNull();
		assertThat(undo.activity().get("actor").asString()).isEqualTo(siteActor);
		assertThat(undo.activity().get("object").get("type").asString()).isEqualTo("Announce");
		assertThat(undo.activity().get("object").get("id").asString())
			.isEqualTo(announce.activity().get("id").asString());
		assertSignedBySite(undo);
		var delete = withdrawn.get("Delete");
		assertThat(delete).as("a Delete").isNotNull();
		assertThat(delete.activity().get("object").get("type").asString()).isEqualTo("Tombstone");
		assertThat(delete.activity().get("object").get("id").asString()).isEqualTo(site.url(saved.path()));
		assertThat(peer.drain()).as("one delivery per shared inbox").isEmpty();
		assertThat(json.readTree(site.get("/ap/site/outbox").response().body()).get("totalItems").asLong()).isZero();
	}

	/**
	 * @return the next {@code count} activities received, by type, each type once
	 */
	Map<String, FediversePeer.Received> byType(int count) throws Exception {
		Map<String, FediversePeer.Received> received = new java.util.HashMap<>();
		for (int i = 0; i < count; i++) {
			var next = peer.next(WAIT);
			assertThat(next).as("activity " + (i + 1) + " of " + count + " within " + WAIT + " s").isNotNull();
			assertThat(received.put(next.activity().get("type").asString(), next))
				.as("one " + next.activity().get("type").asString())
				.isNull();
		}
		return received;
	}

	@Test
	@Order(4)
	void retriesAfterAServerErrorAndSendsOnce() throws Exception {
		// The Create and the publication's Announce: both refused once.
		peer.answer(500, 500);
		site.bean(ArticleWorkflow.class).store(TestArticles.ACTOR, draft("Storm warning", "A storm comes."));
		var first = byType(2);
		assertThat(peer.next(1)).as("not again before the backoff").isNull();
		clock.advance(Duration.ofMinutes(2));
		var second = byType(2);
		assertThat(second.get("Create").activity().get("id").asString())
			.isEqualTo(first.get("Create").activity().get("id").asString());
		assertThat(second.get("Announce").activity().get("id").asString())
			.isEqualTo(first.get("Announce").activity().get("id").asString());
		clock.advance(Duration.ofMinutes(10));
		assertThat(peer.next(1)).as("sent once").isNull();
		var row = jdbc().sql("SELECT status, attempts FROM fediverse_delivery WHERE activity LIKE ?")
			.param("%Storm warning%")
			.query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2))
			.single();
		assertThat(row).isEqualTo("sent/2");
	}

	@Test
	@Order(5)
	void undoRemovesTheFollower() throws Exception {
		var undo = Map.<String, Object>of("@context", "https://www.w3.org/ns/activitystreams", "id",
				peer.actorId("bob") + "#undo/2", "type", "Undo", "actor", peer.actorId("bob"), "object",
				follow("bob", "2"));
		assertThat(peer.post(inbox, "bob", undo, clock, false).statusCode()).isEqualTo(202);
		assertThat(followers()).isEqualTo(1);
	}

	@Test
	@Order(6)
	void dropsTheActivitiesOfABlockedAccount() throws Exception {
		var blocks = site.bean(org.broadsheet.fediverse.interaction.FediverseBlocks.class);
		var block = blocks.block(TestArticles.ACTOR, peer.actorId("bob"));
		assertThat(peer.post(inbox, "bob", follow("bob", "3"), clock, false).statusCode()).isEqualTo(202);
		assertThat(followers()).as("a blocked account's Follow is dropped").isEqualTo(1);
		blocks.unblock(TestArticles.ACTOR, block.id());
	}

	@Test
	@Order(10)
	void givesUpOnADeadInstance() throws Exception {
		int closed;
		try (var socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		String target = "http://localhost:" + closed + "/inbox";
		var activity = Map.<String, Object>of("@context", "https://www.w3.org/ns/activitystreams", "id",
				site.url("/ap/site#note-dead"), "type", "Create", "actor", site.url("/ap/site"));
		site.bean(Deliveries.class).queue("site", activity, List.of(URI.create(target)));
		int attempts = 1;
		String state = awaitAttempts(target, attempts);
		while (state.equals("queued")) {
			clock.advance(ActivityDeliveryWorker.backoff(attempts).plusSeconds(1));
			state = awaitAttempts(target, ++attempts);
		}
		// Failures at 0, 1, 3, 7, … 2047 min: the 12th is the 10th or more, over more
		// than a day.
		assertThat(state).isEqualTo("dead");
		assertThat(attempts).isEqualTo(12);
		assertThat(
				jdbc().sql("SELECT COUNT(*) FROM fediverse_instance WHERE host = 'localhost' AND dead_at IS NOT NULL")
					.query(Long.class)
					.single())
			.isEqualTo(1);
		site.bean(Deliveries.class).queue("site", activity, List.of(URI.create(target + "/again")));
		await().atMost(Duration.ofSeconds(WAIT))
			.until(() -> "dead/0".equals(jdbc().sql("SELECT status, attempts FROM fediverse_delivery WHERE target = ?")
				.param(target + "/again")
				.query((rs, n) -> rs.getString(1) + "/" + rs.getInt(2))
				.single()));
	}

	/**
	 * @return the row's status once it has made {@code attempts} attempts
	 */
	String awaitAttempts(String target, int attempts) {
		return await().atMost(Duration.ofSeconds(WAIT))
			.until(() -> jdbc().sql("SELECT status, attempts FROM fediverse_delivery WHERE target = ?")
				.param(target)
				.query((rs, n) -> rs.getInt(2) >= attempts && !rs.getString(1).equals("claimed") ? rs.getString(1) : "")
				.single(), state -> !state.isEmpty());
	}

	ArticleDraft draft(String title, String body) {
		return new ArticleDraft(null, title, "News", List.of(AuthorProfile.named("Ada Lovelace")), "About " + title,
				body, null, List.of(), null, ArticleStatus.PUBLISHED, clock.instant().minusSeconds(60), null, null);
	}

	JdbcClient jdbc() {
		return site.bean(JdbcClient.class);
	}

	long followers() {
		return jdbc().sql("SELECT COUNT(*) FROM fediverse_follower").query(Long.class).single();
	}

	void assertSignedBySite(FediversePeer.Received received) {
		assertThat(received.request().header("Signature")).contains("keyId=\"" + siteActor + "#main-key\"");
		assertSignedBySender(received);
	}

	/** Verifies the signature as a peer does, with the key from the sender's document. */
	void assertSignedBySender(FediversePeer.Received received) {
		String keyId = new HttpSignatures(clock, FetchSettings.defaults()).verify(received.request(), id -> {
			String path = URI.create(id).getRawPath();
			JsonNode actor = json.readTree(site.get(path, "Accept", "application/activity+json").response().body());
			try {
				return FediversePeer.publicKey(actor.get("publicKey").get("publicKeyPem").asString());
			}
			catch (Exception ex) {
				throw new AssertionError(ex);
			}
		});
		assertThat(keyId).isEqualTo(received.activity().get("actor").asString() + "#main-key");
	}

}
