package org.broadsheet.fediverse.fedify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import javax.net.ssl.SSLContext;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.fediverse.interaction.FediverseReactions;
import org.broadsheet.fediverse.signature.FedifyPeer;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.FormElement;
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

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 17's end-to-end test against an independent ActivityPub server: a Fedify peer
 * ({@link FedifyServer}, src/test/fedify/peer.mjs) and a running site serving https with
 * a test certificate (Fedify looks {@code acct:} handles up over https only), talking
 * real HTTP both ways. Fedify verifies every signature the site sends and parses every
 * object with its own vocabulary classes; the site verifies Fedify's. In order: the peer
 * finds the author by WebFinger and follows (the site's Accept arrives, verified), then
 * the publication likewise; an article published through the newsroom's form reaches the
 * peer as the author's Create of an Article in the shape Mastodon takes (its content
 * opening with the byline's links) and as the publication's Announce of its URL, each
 * once; the peer's reply waits in the moderation queue and shows under the article once
 * approved through the newsroom's form; its Like and Announce are counted; tampered,
 * two-hour-old and unsigned requests are refused (401); a headline changed with the
 * newsroom's form reaches the peer as an Update, and unpublishing as the publication's
 * Undo of its Announce and the author's Delete of a Tombstone, each once; its Undo of
 * each Follow removes the follower. Skipped where Node.js or npm is missing. Run on
 * SQLite and PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FediverseFedifyContract {

	/** The bound on delivery: generous, the point is that it arrives. */
	static final Duration WAIT = Duration.ofSeconds(30);

	static final String PASSWORD = "correct horse battery";

	static final String PUBLIC = "https://www.w3.org/ns/activitystreams#Public";

	/**
	 * The publication's user name: {@code broadsheet.fediverse.handle} is not set and the
	 * base URL's host, {@code localhost}, is a single label, so it is the default.
	 */
	static final String SITE_HANDLE = "news";

	/** {@code byline.and} in the site's language (English). */
	static final String BYLINE_AND = " and ";

	RunningSite site;

	FedifyServer peer;

	SSLContext tls;

	HttpClient http;

	String base;

	NewsroomBrowser editor;

	/** The author's actor id, as WebFinger gave it. */
	String author;

	/** The publication's actor id ({@code /ap/site}), as WebFinger gave it. */
	String publication;

	String articleUrl;

	long articleId;

	/** The id of the publication's Announce of the article published in step 3. */
	String announceId;

	abstract List<String> databaseOptions();

	@BeforeAll
	void start() throws Exception {
		String missing = FedifyPeer.unavailable();
		assumeTrue(missing == null, () -> "Fedify end-to-end test skipped: " + missing);
		Path data = TestDatabases.newDataFolder();
		SiteCertificate certificate = SiteCertificate.create(data);
		tls = certificate.trustingIt();
		http = HttpClient.newBuilder().sslContext(tls).followRedirects(HttpClient.Redirect.NEVER).build();
		int port;
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		base = "https://localhost:" + port;
		List<String> options = new ArrayList<>(databaseOptions());
		options.addAll(certificate.serverOptions());
		options.addAll(List.of("--broadsheet.fediverse.allow-http=true",
				"--broadsheet.fediverse.allow-private-addresses=true", "--broadsheet.fediverse.poll-interval=100ms"));
		Map<String, Object> fixed = Map.of("server.port", port, "broadsheet.site.base-url", base);
		site = RunningSite.startWith(data,
				context -> context.getEnvironment()
					.getPropertySources()
					.addFirst(new MapPropertySource("fedify-test", fixed)),
				options.toArray(String[]::new));
		site.bean(Accounts.class).create(SystemActor.CLI, "editor@news.test", "Editor", Role.EDITOR, PASSWORD);
		editor = new NewsroomBrowser(base, tls).signIn("editor@news.test", PASSWORD);
		// The author becomes an actor with a first public article.
		publish(form("Harbour reopens", "The harbour reopened today."));
		peer = FedifyServer.start(certificate.pem());
	}

	@AfterAll
	void stop() throws Exception {
		if (peer != null) {
			peer.close();
		}
		if (site != null) {
			site.close();
		}
	}

	@Test
	@Order(1)
	void thePeerFindsTheAuthorByHandleAndFollows() {
		JsonNode actor = lookUp("ada-lovelace");
		author = actor.get("id").asString();
		assertThat(author).matches(base + "/ap/authors/\\d+");
		assertThat(actor.get("type").asString()).isEqualTo("Person");
		assertThat(actor.get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(actor.get("outbox").asString()).isEqualTo(author + "/outbox");
		assertThat(actor.at("/publicKey/algorithm").asString()).isEqualTo("RSASSA-PKCS1-v1_5");
		followAndAwaitAccept(author);
		assertThat(followers()).isEqualTo(1);
	}

	@Test
	@Order(2)
	void thePeerFindsThePublicationByHandleAndFollows() {
		JsonNode actor = lookUp(SITE_HANDLE);
		publication = actor.get("id").asString();
		assertThat(publication).isEqualTo(base + "/ap/site");
		assertThat(actor.get("type").asString()).isEqualTo("Organization");
		assertThat(actor.get("preferredUsername").asString()).isEqualTo(SITE_HANDLE);
		followAndAwaitAccept(publication);
		assertThat(followers()).isEqualTo(2);
	}

	@Test
	@Order(3)
	void anArticlePublishedInTheNewsroomReachesThePeerAsAnArticle() {
		var form = form("Port strike ends", "Dockers voted to return.\n\nThe *first* ships sail on Monday.");
		form.put("authors", "Ada Lovelace, Grace Hopper");
		long before = System.currentTimeMillis();
		publish(form);
		JsonNode create = awaitReceived(
				a -> a.get("type").asString().equals("Create") && a.at("/object/type").asString().equals("Article"));
		long latency = create.get("receivedAt").asLong() - before;
		System.out.printf("FediverseFedifyContract: publish (newsroom form) to a verified Create at the peer: %d ms%n",
				latency);
		assertThat(latency).isLessThan(WAIT.toMillis());

		assertThat(create.get("actor").asString()).isEqualTo(author);
		assertThat(strings(create.get("to"))).containsExactly(PUBLIC);
		JsonNode article = create.get("object");
		assertThat(article.get("id").asString()).isEqualTo(articleUrl);
		assertThat(article.get("url").asString()).isEqualTo(articleUrl);
		assertThat(article.get("name").asString()).isEqualTo("Port strike ends");
		assertThat(article.get("summary").asString()).contains("Standfirst of Port strike ends");
		assertThat(article.get("content").asString()).contains("<p>Dockers voted to return.</p>")
			.contains("<em>first</em>");
		// The byline first, as ArticleContent renders it: each name linking to the author
		// page (which answers), joined as the page joins them.
		String ada = base + "/author/ada-lovelace";
		String grace = base + "/author/grace-hopper";
		assertThat(article.get("content").asString()).startsWith("<p><a href=\"" + ada + "\">Ada Lovelace</a>"
				+ BYLINE_AND + "<a href=\"" + grace + "\">Grace Hopper</a></p>\n");
		assertThat(reader(ada).text()).contains("Ada Lovelace");
		assertThat(reader(grace).text()).contains("Grace Hopper");
		List<String> byline = strings(article.get("attributedTo"));
		assertThat(byline).hasSize(2).first().isEqualTo(author);
		assertThat(byline.get(1)).matches(base + "/ap/authors/\\d+").isNotEqualTo(author);
		assertThat(strings(article.get("to"))).containsExactly(PUBLIC);
		assertThat(strings(article.get("cc"))).contains(author + "/followers", byline.get(1) + "/followers",
				base + "/ap/site/followers");
		assertThat(Instant.parse(article.get("published").asString()))
			.isBetween(Instant.ofEpochMilli(before).minusSeconds(60), Instant.now());
		assertThat(article.get("tags").findValuesAsString("name")).contains("#ForeignPolicy", "#Harbours");
		for (JsonNode tag : article.get("tags")) {
			assertThat(tag.get("type").asString()).isEqualTo("Hashtag");
			assertThat(tag.get("href").asString()).startsWith(base + "/");
		}

		// The publication announces it to its followers: Fedify verified the Announce and
		// fetched its object, the article's URL, as an Article.
		JsonNode announce = awaitReceived(a -> a.get("type").asString().equals("Announce"));
		announceId = announce.get("id").asString();
		assertThat(announceId).startsWith(publication + "#announce-" + articleId + "-");
		assertThat(announce.get("actor").asString()).isEqualTo(publication);
		assertThat(announce.get("objectId").asString()).isEqualTo(articleUrl);
		assertThat(strings(announce.get("to"))).containsExactly(PUBLIC);
		assertThat(strings(announce.get("cc"))).containsExactly(publication + "/followers");
		assertThat(announce.at("/object/type").asString()).isEqualTo("Article");
		assertThat(announce.at("/object/id").asString()).isEqualTo(articleUrl);
		awaitDeliveriesSettled();
		assertThat(received("Create", articleUrl)).hasSize(1);
		assertThat(received("Announce", articleUrl)).hasSize(1);
	}

	@Test
	@Order(4)
	void aReplyIsHeldThenShownOnceAnEditorApprovesIt() {
		peer.control("reply", Map.of("actor", author, "inReplyTo", articleUrl, "content",
				"<p>Good news for the <em>harbour</em> &amp; its workers.</p>"));
		String text = "Good news for the harbour & its workers.";
		Document queue = Jsoup.parse(editor.get("/newsroom/comments?status=pending").body());
		var row = queue.select("tr").stream().filter(tr -> tr.text().contains(text)).findFirst().orElseThrow();
		assertThat(row.selectFirst("strong").text()).isEqualTo("Alice Peer");
		assertThat(row.selectFirst("a.remote-profile").attr("href")).isEqualTo(peer.base() + "/@alice");
		String id = row.selectFirst("input[name=id]").val();
		assertThat(reader(articleUrl).select("#comment-" + id)).isEmpty();

		var approved = editor.post("/newsroom/comments", Map.of("action", "approve", "id", id));
		assertThat(approved.statusCode()).isEqualTo(302);
		var shown = reader(articleUrl).selectFirst("#comment-" + id);
		assertThat(shown).as("the approved reply under the article").isNotNull();
		assertThat(shown.text()).contains(text);
		var link = shown.selectFirst("a.comment-author");
		assertThat(link.text()).isEqualTo("Alice Peer");
		assertThat(link.attr("href")).isEqualTo(peer.base() + "/@alice");
	}

	@Test
	@Order(5)
	void likesAndBoostsAreCounted() {
		var reactions = site.bean(FediverseReactions.class);
		peer.control("like", Map.of("actor", author, "object", articleUrl));
		peer.control("announce", Map.of("actor", author, "object", articleUrl));
		assertThat(reactions.counts(articleId)).isEqualTo(new FediverseReactions.Counts(1, 1));
	}

	@Test
	@Order(6)
	void theInboxRefusesTamperedReplayedAndUnsignedRequests() throws Exception {
		for (String spec : List.of("rfc9421", "draft-cavage-http-signatures-12")) {
			for (String kind : List.of("tampered", "stale", "unsigned")) {
				JsonNode answer = peer.control("forged",
						Map.of("inbox", base + "/ap/inbox", "kind", kind, "spec", spec, "object", articleUrl));
				assertThat(answer.get("status").asInt()).as(spec + " " + kind + ": " + answer.get("answer"))
					.isEqualTo(401);
			}
		}
		assertThat(site.bean(FediverseReactions.class).counts(articleId))
			.isEqualTo(new FediverseReactions.Counts(1, 1));
		// And Fedify refuses an unsigned activity at its own inbox.
		var unsigned = "{\"@context\":\"https://www.w3.org/ns/activitystreams\",\"id\":\"" + articleUrl
				+ "#forged\",\"type\":\"Create\",\"actor\":\"" + author + "\",\"object\":{\"id\":\"" + articleUrl
				+ "\",\"type\":\"Article\",\"attributedTo\":\"" + author + "\",\"name\":\"Forged\"}}";
		var response = peer.send(HttpRequest.newBuilder(URI.create(peer.alice() + "/inbox"))
			.header("Content-Type", "application/activity+json")
			.POST(HttpRequest.BodyPublishers.ofString(unsigned)));
		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	@Order(7)
	void anUpdateAndAnUnpublicationInTheNewsroomReachThePeer() {
		// The editor changes the headline with the article's form, as a browser sends it
		// (every field as shown), then "Publish changes".
		String edit = "/newsroom/articles/" + articleId;
		Document page = Jsoup.parse(editor.get(edit).body(), base + edit);
		var form = (FormElement) page.selectFirst("form.article-form");
		Map<String, String> fields = new LinkedHashMap<>();
		form.formData()
			.stream()
			.filter(field -> !field.key().equals("_csrf"))
			.forEach(field -> fields.put(field.key(), field.value()));
		assertThat(fields).containsEntry("title", "Port strike ends");
		fields.put("title", "Port strike ends after vote");
		var saved = editor.post(edit, fields);
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(page.select("form[action$=" + edit + "/publish]")).hasSize(1);
		var republished = editor.post(edit + "/publish", Map.of());
		assertThat(republished.statusCode()).as(republished.body()).isEqualTo(302);

		JsonNode update = awaitReceived(a -> a.get("type").asString().equals("Update"));
		assertThat(update.get("actor").asString()).isEqualTo(author);
		assertThat(strings(update.get("to"))).containsExactly(PUBLIC);
		JsonNode article = update.get("object");
		assertThat(article.get("type").asString()).isEqualTo("Article");
		assertThat(article.get("id").asString()).isEqualTo(articleUrl);
		assertThat(article.get("name").asString()).isEqualTo("Port strike ends after vote");
		assertThat(reader(articleUrl).selectFirst("h1").text()).isEqualTo("Port strike ends after vote");

		// Unpublished with the article's form: the publication takes its Announce back,
		// the author deletes the Article.
		assertThat(page.select("form[action$=" + edit + "/unpublish]")).hasSize(1);
		var unpublished = editor.post(edit + "/unpublish", Map.of("at", ""));
		assertThat(unpublished.statusCode()).as(unpublished.body()).isEqualTo(302);
		JsonNode undo = awaitReceived(a -> a.get("type").asString().equals("Undo"));
		assertThat(undo.get("actor").asString()).isEqualTo(publication);
		assertThat(undo.get("objectId").asString()).isEqualTo(announceId);
		assertThat(undo.at("/object/type").asString()).isEqualTo("Announce");
		assertThat(undo.at("/object/actor").asString()).isEqualTo(publication);
		assertThat(undo.at("/object/objectId").asString()).isEqualTo(articleUrl);
		JsonNode delete = awaitReceived(a -> a.get("type").asString().equals("Delete"));
		assertThat(delete.get("actor").asString()).isEqualTo(author);
		assertThat(delete.get("objectId").asString()).isEqualTo(articleUrl);
		assertThat(delete.at("/object/type").asString()).isEqualTo("Tombstone");
		assertThat(delete.at("/object/id").asString()).isEqualTo(articleUrl);
		assertThat(Instant.parse(delete.at("/object/deleted").asString())).isBetween(Instant.now().minus(WAIT),
				Instant.now());
		assertThat(RunningSite.send(http, HttpRequest.newBuilder(URI.create(articleUrl)).GET().build()).statusCode())
			.isEqualTo(410);

		awaitDeliveriesSettled();
		assertThat(received("Update", articleUrl)).hasSize(1);
		assertThat(received("Undo", announceId)).hasSize(1);
		assertThat(received("Delete", articleUrl)).hasSize(1);
		assertThat(received("Create", articleUrl)).hasSize(1);
		assertThat(received("Announce", articleUrl)).hasSize(1);
	}

	@Test
	@Order(8)
	void undoOfTheFollowRemovesTheFollower() {
		peer.control("undo-follow", Map.of("actor", author));
		assertThat(followers()).isEqualTo(1);
		peer.control("undo-follow", Map.of("actor", publication));
		assertThat(followers()).isZero();
		// Every activity the site sent the peer was taken at the first attempt.
		assertThat(site.bean(JdbcClient.class).sql("SELECT status FROM fediverse_delivery").query(String.class).list())
			.isNotEmpty()
			.containsOnly("sent");
		JsonNode traffic = peer.received();
		System.out.printf("FediverseFedifyContract: signature styles sent by Fedify %s; received from the site %s%n",
				styles(traffic.get("sent")), styles(traffic.get("inbound")));
		for (JsonNode sent : traffic.get("sent")) {
			if (sent.get("method").asString().equals("POST")) {
				assertThat(sent.get("status").asInt()).as(sent.toString()).isEqualTo(202);
			}
		}
	}

	static Map<String, String> form(String title, String body) {
		var form = new LinkedHashMap<String, String>();
		form.put("title", title);
		form.put("section", "News");
		form.put("authors", "Ada Lovelace");
		form.put("summary", "Standfirst of " + title);
		form.put("body", body);
		form.put("tags", "Foreign policy, Harbours");
		return form;
	}

	/**
	 * Creates the article and publishes it with the newsroom's forms; sets
	 * {@link #articleUrl} and {@link #articleId}.
	 */
	void publish(Map<String, String> form) {
		var created = editor.post("/newsroom/articles", form);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		long id = Long.parseLong(created.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*/newsroom/articles/(\\d+).*", "$1"));
		var published = editor.post("/newsroom/articles/" + id + "/publish", Map.of());
		assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
		articleId = id;
		articleUrl = base + site.bean(PublishedArticles.class).publishedByIds(List.of(id)).get(0).path();
	}

	JsonNode awaitReceived(Predicate<JsonNode> wanted) {
		return await().atMost(WAIT).pollInterval(Duration.ofMillis(25)).until(() -> {
			for (JsonNode activity : peer.received().get("received")) {
				if (wanted.test(activity)) {
					return activity;
				}
			}
			return null;
		}, activity -> activity != null);
	}

	/**
	 * The peer looks {@code acct:<user>@localhost:<port>} up by WebFinger and fetches the
	 * actor document it links.
	 * @return the actor as Fedify parsed it, checked for what a follower needs: inbox,
	 * followers, the shared inbox and the public key's id and owner
	 */
	JsonNode lookUp(String user) {
		String handle = "acct:" + user + "@localhost:" + site.port();
		JsonNode found = peer.control("lookup", Map.of("resource", handle));
		assertThat(found.at("/jrd/subject").asString()).isEqualTo(handle);
		JsonNode actor = found.get("actor");
		String id = actor.get("id").asString();
		assertThat(actor.get("inbox").asString()).isEqualTo(id + "/inbox");
		assertThat(actor.get("followers").asString()).isEqualTo(id + "/followers");
		assertThat(actor.get("sharedInbox").asString()).isEqualTo(base + "/ap/inbox");
		assertThat(actor.at("/publicKey/id").asString()).isEqualTo(id + "#main-key");
		assertThat(actor.at("/publicKey/owner").asString()).isEqualTo(id);
		return actor;
	}

	/**
	 * The peer follows the actor; the actor's Accept of that Follow arrives, verified.
	 */
	void followAndAwaitAccept(String actor) {
		String follow = peer.control("follow", Map.of("actor", actor)).get("id").asString();
		JsonNode accept = awaitReceived(
				a -> a.get("type").asString().equals("Accept") && a.get("actor").asString().equals(actor));
		assertThat(accept.get("objectId").asString()).isEqualTo(follow);
		assertThat(accept.at("/object/type").asString()).isEqualTo("Follow");
	}

	/**
	 * @return the activities of this type whose object is {@code objectId} that the
	 * peer's inbox took (after Fedify verified them)
	 */
	List<JsonNode> received(String type, String objectId) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode activity : peer.received().get("received")) {
			if (activity.get("type").asString().equals(type) && activity.get("objectId").asString().equals(objectId)) {
				found.add(activity);
			}
		}
		return found;
	}

	/** Waits until the site's delivery queue holds nothing still to be tried. */
	void awaitDeliveriesSettled() {
		var jdbc = site.bean(JdbcClient.class);
		await().atMost(WAIT)
			.pollInterval(Duration.ofMillis(25))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM fediverse_delivery WHERE status IN ('queued', 'claimed')")
				.query(Long.class)
				.single(), count -> count == 0);
	}

	Document reader(String url) {
		var response = RunningSite.send(http, HttpRequest.newBuilder(URI.create(url)).GET().build());
		assertThat(response.statusCode()).isEqualTo(200);
		return Jsoup.parse(response.body(), url);
	}

	long followers() {
		return site.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM fediverse_follower").query(Long.class).single();
	}

	static List<String> strings(JsonNode array) {
		List<String> list = new ArrayList<>();
		array.forEach(node -> list.add(node.asString()));
		return list;
	}

	static Map<String, Integer> styles(JsonNode requests) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		requests.forEach(r -> {
			if (r.get("method") == null || r.get("method").asString().equals("POST")) {
				counts.merge(r.get("style").asString() + " -> " + r.get("status").asInt(), 1, Integer::sum);
			}
		});
		return counts;
	}

}
