package org.broadsheet.fediverse.actor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.author.Authors;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestClock;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.Varnish;
import org.broadsheet.taxonomy.Taxonomy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The site's fediverse actors over real HTTP against a running site: WebFinger (RFC 7033)
 * for the publication, an author and a section, with the JRD's shape and its 400s and
 * 404s; actor documents as Mastodon needs them (id, type, inbox, outbox,
 * preferredUsername, publicKey owned by the actor with a PEM that is an RSA key);
 * NodeInfo 2.1; content negotiation on article and author pages, with the page cache
 * never mixing HTML and JSON; one key pair when two nodes make it at once. Run on SQLite
 * and PostgreSQL by the subclasses, which give the database options.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FediverseActorsContract {

	static final String AP = "application/activity+json";

	static final String LD = "application/ld+json; profile=\"https://www.w3.org/ns/activitystreams\"";

	static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

	final TestClock clock = new TestClock();

	final JsonMapper json = new JsonMapper();

	RunningSite site;

	String articlePath;

	String host;

	long adaId;

	long opinionId;

	/**
	 * @return Spring options giving a site started by this test a new, empty database
	 */
	abstract List<String> databaseOptions();

	@BeforeAll
	void startSite() {
		List<String> options = new ArrayList<>(databaseOptions());
		options.add("--broadsheet.site.name=The Courier");
		site = RunningSite.start(TestDatabases.newDataFolder(), clock, options.toArray(String[]::new));
		host = "localhost:" + site.port();
		// Editors make a section an actor in the newsroom (the form calls this use case);
		// it announces the articles published from then on.
		opinionId = site.bean(Taxonomy.class).section("Opinion").id();
		site.bean(Taxonomy.class).rename(TestArticles.ACTOR, "section", opinionId, "Opinion", true, true);
		articlePath = site.bean(ArticleWorkflow.class)
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, "Harbour reopens", "Opinion",
							List.of(AuthorProfile.named("Ada Lovelace"), AuthorProfile.named("Bob Stone")),
							"The port is <open> again", "The **harbour** reopened today.", null,
							List.of("Foreign policy", "Ports"), null, ArticleStatus.PUBLISHED,
							Instant.now().minusSeconds(3600), null, null))
			.path();
		site.bean(Authors.class).save(AuthorProfile.named("Without Articles"));
		adaId = site.bean(Authors.class).bySlug("ada-lovelace").orElseThrow().id();
		site.bean(ArticleWorkflow.class)
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, "Grain prices", "World", List.of(AuthorProfile.named("Bob Stone")), null,
							"Grain prices fell.", null, List.of(), null, ArticleStatus.PUBLISHED,
							Instant.now().minusSeconds(1800), null, null));
	}

	@AfterAll
	void stop() {
		if (site != null) {
			site.close();
		}
	}

	RunningSite.Page get(String path, String accept) {
		return site.get(path, "Accept", accept);
	}

	JsonNode body(RunningSite.Page page) {
		return json.readTree(page.response().body());
	}

	RunningSite.Page webfinger(String resource) {
		return site.get("/.well-known/webfinger?resource=" + URLEncoder.encode(resource, StandardCharsets.UTF_8),
				"Accept", "application/jrd+json");
	}

	/** Looks the handle up and fetches the actor its {@code self} link names. */
	JsonNode actorOf(String handle, String type) {
		var finger = webfinger("acct:" + handle + "@" + host);
		assertThat(finger.status()).as(handle).isEqualTo(200);
		assertThat(finger.header("Content-Type")).startsWith("application/jrd+json");
		assertThat(finger.header("Access-Control-Allow-Origin")).isEqualTo("*");
		var jrd = body(finger);
		assertThat(jrd.get("subject").asString()).isEqualTo("acct:" + handle + "@" + host);
		String self = null;
		String profile = null;
		for (JsonNode link : jrd.get("links")) {
			if (link.get("rel").asString().equals("self")) {
				assertThat(link.get("type").asString()).isEqualTo(AP);
				self = link.get("href").asString();
			}
			if (link.get("rel").asString().equals("http://webfinger.net/rel/profile-page")) {
				profile = link.get("href").asString();
			}
		}
		assertThat(self).isNotNull();
		assertThat(profile).isNotNull();
		assertThat(jrd.get("aliases").valueStream().map(JsonNode::asString)).contains(self, profile);
		var actor = get(self.substring(site.url("").length()), AP);
		assertThat(actor.status()).isEqualTo(200);
		assertThat(actor.header("Content-Type")).startsWith(AP);
		var document = body(actor);
		assertMastodonActor(document, self, type, handle);
		assertThat(document.get("url").asString()).isEqualTo(profile);
		return document;
	}

	/** What Mastodon requires of an actor it follows and whose signatures it checks. */
	static void assertMastodonActor(JsonNode actor, String id, String type, String username) {
		assertThat(actor.get("@context").get(0).asString()).isEqualTo("https://www.w3.org/ns/activitystreams");
		assertThat(actor.get("@context").get(1).asString()).isEqualTo("https://w3id.org/security/v1");
		assertThat(actor.get("id").asString()).isEqualTo(id);
		assertThat(actor.get("type").asString()).isEqualTo(type);
		assertThat(actor.get("preferredUsername").asString()).isEqualTo(username);
		for (String collection : List.of("inbox", "outbox", "followers", "following")) {
			assertThat(actor.get(collection).asString()).isEqualTo(id + "/" + collection);
		}
		assertThat(actor.get("endpoints").get("sharedInbox").asString()).endsWith("/ap/inbox");
		var key = actor.get("publicKey");
		assertThat(key.get("id").asString()).isEqualTo(id + "#main-key");
		assertThat(key.get("owner").asString()).isEqualTo(id);
		assertThat(rsa(key.get("publicKeyPem").asString()).getModulus().bitLength()).isEqualTo(2048);
		assertThat(actor.get("manuallyApprovesFollowers").asBoolean()).isFalse();
		assertThat(actor.get("discoverable").asBoolean()).isTrue();
	}

	static RSAPublicKey rsa(String pem) {
		try {
			return (RSAPublicKey) Pem.readPublicKey(pem);
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new AssertionError("not an RSA public key: " + pem, ex);
		}
	}

	/**
	 * @return the field names the response's {@code Vary} lists, lower case (they are
	 * case-insensitive, RFC 9110 §12.5.5)
	 */
	static List<String> varies(RunningSite.Page page) {
		String vary = page.header("Vary");
		return vary == null ? List.of()
				: java.util.Arrays.stream(vary.split(","))
					.map(v -> v.strip().toLowerCase(java.util.Locale.ROOT))
					.toList();
	}

	@Test
	void publicationAuthorAndSectionAreFoundByWebFinger() {
		var publication = actorOf("news", "Organization");
		assertThat(publication.get("name").asString()).isEqualTo("The Courier");
		assertThat(publication.get("id").asString()).isEqualTo(site.url("/ap/site"));

		var ada = actorOf("ada-lovelace", "Person");
		assertThat(ada.get("id").asString()).isEqualTo(site.url("/ap/authors/" + adaId));
		assertThat(ada.get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(ada.get("url").asString()).isEqualTo(site.url("/author/ada-lovelace"));

		var opinion = actorOf("opinion", "Group");
		assertThat(opinion.get("id").asString()).isEqualTo(site.url("/ap/sections/" + opinionId));
		assertThat(opinion.get("url").asString()).isEqualTo(site.url("/opinion/"));

		// The actor's URL, and the author's page, name the same account.
		for (String resource : List.of(site.url("/ap/authors/" + adaId), site.url("/author/ada-lovelace"))) {
			var finger = webfinger(resource);
			assertThat(finger.status()).as(resource).isEqualTo(200);
			assertThat(body(finger).get("subject").asString()).isEqualTo("acct:ada-lovelace@" + host);
		}
		// The key is made once: the same on every fetch.
		assertThat(body(get("/ap/authors/" + adaId, AP)).get("publicKey").get("publicKeyPem").asString())
			.isEqualTo(ada.get("publicKey").get("publicKeyPem").asString());
	}

	@Test
	void webFingerRefusesWhatIsNotAnAccountHere() {
		assertThat(webfinger("acct:nobody@" + host).status()).isEqualTo(404);
		assertThat(webfinger("acct:news@elsewhere.example").status()).isEqualTo(404);
		assertThat(webfinger("acct:without-articles@" + host).status()).isEqualTo(404);
		assertThat(webfinger("https://elsewhere.example/ap/site").status()).isEqualTo(404);
		assertThat(webfinger("acct:news").status()).isEqualTo(400);
		assertThat(webfinger("mailto:news").status()).isEqualTo(400);
		var missing = site.get("/.well-known/webfinger");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
		assertThat(missing.header("Access-Control-Allow-Origin")).isEqualTo("*");
		var unknown = webfinger("acct:nobody@" + host);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
		assertThat(body(unknown).get("status").asInt()).isEqualTo(404);

		assertThat(get("/ap/authors/999999", AP).status()).isEqualTo(404);
		long without = site.bean(Authors.class).bySlug("without-articles").orElseThrow().id();
		assertThat(get("/ap/authors/" + without, AP).status()).isEqualTo(404);
		assertThat(get("/ap/sections/999999/outbox", AP).status()).isEqualTo(404);
		assertThat(get("/ap/authors/99999999999999999999", AP).status()).isEqualTo(404);
	}

	@Test
	void aSectionIsAnActorOnlyWhileItsEditorsWantIt() {
		var taxonomy = site.bean(Taxonomy.class);
		long world = taxonomy.sectionBySlug("world").orElseThrow().id();
		assertThat(webfinger("acct:world@" + host).status()).isEqualTo(404);
		assertThat(get("/ap/sections/" + world, AP).status()).isEqualTo(404);

		taxonomy.rename(TestArticles.ACTOR, "section", world, "World", false, true);
		assertThat(actorOf("world", "Group").get("id").asString()).isEqualTo(site.url("/ap/sections/" + world));
		assertThat(get("/ap/sections/" + world, AP).status()).isEqualTo(200);

		taxonomy.rename(TestArticles.ACTOR, "section", world, "World", false, false);
		assertThat(webfinger("acct:world@" + host).status()).isEqualTo(404);
		assertThat(get("/ap/sections/" + world, AP).status()).isEqualTo(404);
	}

	@Test
	void outboxListsTheArticleAndInboxesRefuseUnsignedPosts() throws Exception {
		var outbox = get("/ap/authors/" + adaId + "/outbox", AP);
		assertThat(outbox.status()).isEqualTo(200);
		assertThat(body(outbox).get("type").asString()).isEqualTo("OrderedCollection");
		// The article published before the test, announced to no follower yet.
		assertThat(body(outbox).get("totalItems").asInt()).isEqualTo(1);
		assertThat(body(outbox).get("id").asString()).isEqualTo(site.url("/ap/authors/" + adaId + "/outbox"));
		var firstPage = body(get("/ap/authors/" + adaId + "/outbox?page=true", AP));
		assertThat(firstPage.get("orderedItems").get(0).get("type").asString()).isEqualTo("Create");
		// The publication and the section (an actor) each announced it: their outboxes
		// list their own Announce of the article's URL; the publication's also lists the
		// World article's (World is no actor).
		for (String actor : List.of("/ap/site", "/ap/sections/" + opinionId)) {
			var page = body(get(actor + "/outbox?page=true", AP));
			var announces = page.get("orderedItems")
				.valueStream()
				.filter(item -> item.get("object").asString().endsWith(articlePath))
				.toList();
			assertThat(announces).hasSize(1);
			var announce = announces.get(0);
			assertThat(announce.get("type").asString()).isEqualTo("Announce");
			assertThat(announce.get("actor").asString()).isEqualTo(site.url(actor));
			assertThat(announce.get("id").asString()).startsWith(site.url(actor) + "#announce-");
			// The id the article had when announced (here published without a base URL or
			// a request, so on the default host).
			assertThat(announce.get("object").asString()).endsWith(articlePath);
			assertThat(announce.get("cc").get(0).asString()).isEqualTo(site.url(actor) + "/followers");
			assertThat(body(get(actor + "/outbox", AP)).get("totalItems").asInt())
				.isEqualTo(actor.equals("/ap/site") ? 2 : 1);
		}
		assertThat(get("/ap/site/followers", AP).status()).isEqualTo(200);
		var post = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(site.url("/ap/authors/" + adaId + "/inbox")))
			.header("Content-Type", AP)
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"Follow\"}"))
			.build();
		int status = RunningSite.send(java.net.http.HttpClient.newHttpClient(), post).statusCode();
		// Unsigned: refused by the inbox (fediverse.inbox), not by the CSRF check.
		assertThat(status).isEqualTo(401);
	}

	@Test
	void nodeInfoNamesTheSoftwareAndCountsAuthorsAndArticles() {
		var discovery = get("/.well-known/nodeinfo", "application/json");
		assertThat(discovery.status()).isEqualTo(200);
		assertThat(discovery.header("Access-Control-Allow-Origin")).isEqualTo("*");
		var link = body(discovery).get("links").get(0);
		assertThat(link.get("rel").asString()).isEqualTo("http://nodeinfo.diaspora.software/ns/schema/2.1");
		assertThat(link.get("href").asString()).isEqualTo(site.url("/nodeinfo/2.1"));

		var info = get("/nodeinfo/2.1", "application/json");
		assertThat(info.status()).isEqualTo(200);
		assertThat(info.header("Content-Type")).startsWith("application/json")
			.contains("http://nodeinfo.diaspora.software/ns/schema/2.1#");
		assertThat(info.header("Access-Control-Allow-Origin")).isEqualTo("*");
		var node = body(info);
		assertThat(node.get("version").asString()).isEqualTo("2.1");
		assertThat(node.get("software").get("name").asString()).matches("[a-z0-9-]+").isEqualTo("broadsheet");
		assertThat(node.get("software").get("version").asString()).isNotBlank();
		assertThat(node.get("protocols").valueStream().map(JsonNode::asString)).containsExactly("activitypub");
		assertThat(node.get("services").get("inbound").isArray()).isTrue();
		assertThat(node.get("services").get("outbound").isArray()).isTrue();
		assertThat(node.get("openRegistrations").asBoolean()).isFalse();
		var users = node.get("usage").get("users");
		assertThat(users.get("total").asInt()).isEqualTo(2);
		assertThat(users.get("activeMonth").asInt()).isEqualTo(2);
		assertThat(users.get("activeHalfyear").asInt()).isEqualTo(2);
		assertThat(node.get("usage").get("localPosts").asInt()).isEqualTo(2);
		assertThat(node.get("metadata").isObject()).isTrue();
	}

	@Test
	void articlePageAnswersActivityPubWithTheArticleAndTheCacheKeepsTheHtml() {
		var html = get(articlePath, BROWSER);
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.header("Content-Type")).startsWith("text/html");
		assertThat(varies(html)).contains("accept", "accept-encoding");
		// Stored in the page cache by now: this one is a hit.
		var cached = get(articlePath, BROWSER);
		assertThat(cached.header("Content-Type")).startsWith("text/html");

		var ap = get(articlePath, AP);
		assertThat(ap.status()).isEqualTo(200);
		assertThat(ap.header("Content-Type")).startsWith(AP);
		assertThat(varies(ap)).contains("accept");
		assertThat(ap.header("Cache-Control")).contains("private");
		var article = body(ap);
		assertThat(article.get("type").asString()).isEqualTo("Article");
		assertThat(article.get("id").asString()).isEqualTo(site.url(articlePath));
		assertThat(article.get("url").asString()).isEqualTo(site.url(articlePath));
		assertThat(article.get("name").asString()).isEqualTo("Harbour reopens");
		// Plain text, as Mastodon reads an Article's summary (it escapes it itself).
		assertThat(article.get("summary").asString()).isEqualTo("The port is <open> again");
		assertThat(article.get("content").asString()).contains("<strong>harbour</strong>");
		long bob = site.bean(Authors.class).bySlug("bob-stone").orElseThrow().id();
		assertThat(article.get("attributedTo").valueStream().map(JsonNode::asString))
			.containsExactly(site.url("/ap/authors/" + adaId), site.url("/ap/authors/" + bob));
		assertThat(Instant.parse(article.get("published").asString())).isBefore(Instant.now());
		assertThat(article.get("published").asString()).endsWith("Z");
		assertThat(article.get("tag").get(0).get("type").asString()).isEqualTo("Hashtag");
		assertThat(article.get("tag").get(0).get("name").asString()).isEqualTo("#ForeignPolicy");
		assertThat(article.get("tag").get(0).get("href").asString()).isEqualTo(site.url("/tag/foreign-policy"));
		assertThat(article.get("to").get(0).asString()).isEqualTo("https://www.w3.org/ns/activitystreams#Public");
		assertThat(article.get("cc").valueStream().map(JsonNode::asString)).contains(
				site.url("/ap/authors/" + adaId + "/followers"), site.url("/ap/site/followers"),
				site.url("/ap/sections/" + opinionId + "/followers"));

		var ld = get(articlePath, LD);
		assertThat(ld.header("Content-Type")).startsWith("application/ld+json")
			.contains("https://www.w3.org/ns/activitystreams");
		assertThat(body(ld).get("id").asString()).isEqualTo(site.url(articlePath));

		assertThat(varies(cached)).contains("accept");
		var again = get(articlePath, BROWSER);
		assertThat(again.header("Content-Type")).startsWith("text/html");
		// The same stored page (its per-reader tokens differ).
		assertThat(again.header("ETag")).isNotNull().isEqualTo(cached.header("ETag"));
		assertThat(again.html().selectFirst("h1").text()).isEqualTo("Harbour reopens");
		assertThat(get(articlePath, "*/*").header("Content-Type")).startsWith("text/html");
		assertThat(site.get(articlePath).header("Content-Type")).startsWith("text/html");
	}

	@Test
	void authorPageAnswersActivityPubWithTheActorAndTheCacheKeepsTheHtml() {
		// JSON first: nothing cached is HTML yet, and the JSON is not stored for readers.
		var ap = get("/author/bob-stone", "application/activity+json, application/ld+json; q=0.9");
		assertThat(ap.status()).isEqualTo(200);
		assertThat(ap.header("Content-Type")).startsWith(AP);
		long bob = site.bean(Authors.class).bySlug("bob-stone").orElseThrow().id();
		assertMastodonActor(body(ap), site.url("/ap/authors/" + bob), "Person", "bob-stone");

		var html = get("/author/bob-stone", BROWSER);
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.header("Content-Type")).startsWith("text/html");
		var cached = get("/author/bob-stone", BROWSER);
		assertThat(cached.header("Content-Type")).startsWith("text/html");
		assertThat(get("/author/bob-stone", AP).header("Content-Type")).startsWith(AP);
		assertThat(get("/author/bob-stone", BROWSER).header("Content-Type")).startsWith("text/html");

		// Typed otherwise, as the HTML page takes it too.
		assertThat(body(get("/author/Bob-Stone", AP)).get("preferredUsername").asString()).isEqualTo("bob-stone");
		assertThat(get("/author/nobody-at-all", AP).status()).isEqualTo(404);
		assertThat(get("/opinion/no-such-article", AP).status()).isEqualTo(404);
	}

	@Test
	void varnishKeepsTheHtmlAndPassesActivityPubRequests() {
		assumeTrue(Varnish.installed(), "varnishd is not installed (apt-get install varnish)");
		try (var varnish = Varnish.create()) {
			varnish.start(List.of(site.port()));
			String page = "/author/ada-lovelace";
			varnish.awaitCached(page);
			var html = varnish.get(page, "Accept", BROWSER);
			assertThat(html.headers().firstValue("X-Cache")).hasValue("HIT");
			assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			// One object for every browser's Accept: Varnish keeps Accept out of Vary.
			assertThat(html.headers().firstValue("Vary").orElseThrow()).doesNotContainIgnoringCase("accept,")
				.isEqualToIgnoringCase("accept-encoding");

			var ap = varnish.get(page, "Accept", AP);
			assertThat(ap.statusCode()).isEqualTo(200);
			assertThat(ap.headers().firstValue("Content-Type").orElseThrow()).startsWith(AP);
			assertThat(ap.headers().firstValue("X-Cache")).hasValue("MISS");
			assertThat(json.readTree(ap.body()).get("type").asString()).isEqualTo("Person");
			assertThat(varnish.get(page, "Accept", AP).headers().firstValue("X-Cache")).hasValue("MISS");

			var again = varnish.get(page, "Accept", BROWSER);
			assertThat(again.headers().firstValue("X-Cache")).hasValue("HIT");
			assertThat(again.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		}
	}

	@Test
	void twoNodesMakingTheSameKeyAtOnceEndWithOne() throws Exception {
		var jdbc = site.bean(JdbcClient.class);
		var one = new ActorKeys(jdbc, clock);
		var two = new ActorKeys(jdbc, clock);
		var barrier = new CyclicBarrier(2);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<ActorKey> first = threads.submit(() -> {
				barrier.await();
				return one.of("section:424242");
			});
			Future<ActorKey> second = threads.submit(() -> {
				barrier.await();
				return two.of("section:424242");
			});
			ActorKey a = first.get();
			ActorKey b = second.get();
			assertThat(a.publicPem()).isEqualTo(b.publicPem());
			assertThat(a.privateKey()).isEqualTo(b.privateKey());
			assertThat(jdbc.sql("SELECT COUNT(*) FROM fediverse_actor_key WHERE actor_key = 'section:424242'")
				.query(Integer.class)
				.single()).isEqualTo(1);
			assertThat(a.toString()).doesNotContain("PRIVATE").doesNotContain(a.publicPem());
		}
		finally {
			threads.shutdownNow();
		}
	}

}
