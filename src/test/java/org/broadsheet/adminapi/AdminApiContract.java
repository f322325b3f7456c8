package org.broadsheet.adminapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.ApiKeys;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Comments;
import org.broadsheet.support.OpenApiValidator;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestClock;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.TestImages;
import org.broadsheet.support.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.standardwebhooks.Webhook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Admin API over real HTTP with keys of each role: the whole editorial workflow
 * driven by scripts alone, the same permissions, audit and validation as the newsroom,
 * 401/403/404/409/422 problem details, idempotency keys, and that drafts never show
 * through the Content API. Every response from the Admin and the Content API is validated
 * against the OpenAPI document ({@link #checked}). Subclasses give the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AdminApiContract {

	private static final String API = "/api/admin/v1";

	private final JsonMapper json = new JsonMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	private final TestClock clock = new TestClock();

	private RunningSite site;

	private OpenApiValidator openApi;

	private String contributor;

	private String author;

	private String editor;

	private String administrator;

	/** An administrator-scoped key for a contributor's account: acts as a contributor. */
	private String overscoped;

	/**
	 * @return options that put the site on the database under test
	 */
	abstract List<String> database(Path data);

	@BeforeAll
	void start() {
		Path data = TestDatabases.newDataFolder();
		var options = new ArrayList<>(database(data));
		options.add("--broadsheet.webhooks.allow-private-addresses=true");
		site = RunningSite.start(data, clock, options.toArray(String[]::new));
		openApi = OpenApiValidator.of(site.get("/api/openapi.json").response().body());
		contributor = key("cara@example.org", "Cara Contributor", Role.CONTRIBUTOR, Role.CONTRIBUTOR);
		author = key("avi@example.org", "Avi Author", Role.AUTHOR, Role.AUTHOR);
		editor = key("eda@example.org", "Eda Editor", Role.EDITOR, Role.EDITOR);
		administrator = key("ada@example.org", "Ada Admin", Role.ADMINISTRATOR, Role.ADMINISTRATOR);
		overscoped = site.bean(ApiKeys.class)
			.issue(SystemActor.CLI, "Overscoped", "cara@example.org", Role.ADMINISTRATOR)
			.secret();
	}

	private String key(String email, String name, Role accountRole, Role keyRole) {
		site.bean(Accounts.class).create(SystemActor.CLI, email, name, accountRole, "correct horse battery");
		return site.bean(ApiKeys.class).issue(SystemActor.CLI, name + " script", email, keyRole).secret();
	}

	@AfterAll
	void stop() {
		site.close();
	}

	@Test
	void theWholeWorkflowRunsThroughTheApiAloneWithKeysOfEachRole() throws IOException {
		// A contributor's script uploads the lead image and writes a draft with two
		// co-authors.
		var upload = upload(contributor, TestImages.jpeg(1200, 800), "Cranes over the quay");
		assertThat(upload.statusCode()).isEqualTo(201);
		long image = body(upload).get("id").asLong();
		assertThat(body(upload).get("width").asInt()).isEqualTo(1200);
		var created = send(contributor, "POST", API + "/articles", article("Quay cranes stand idle", image));
		assertThat(created.statusCode()).isEqualTo(201);
		long id = body(created).get("id").asLong();
		assertThat(created.headers().firstValue("Location")).hasValue(API + "/articles/" + id);
		var draft = body(created);
		assertThat(draft.get("status").asString()).isEqualTo("draft");
		assertThat(draft.at("/latest/authors").toString()).isEqualTo("[\"Cara Contributor\",\"Dov Second\"]");
		assertThat(draft.at("/latest/leadImage/id").asLong()).isEqualTo(image);
		assertThat(draft.at("/latest/leadImage/caption").asString()).isEqualTo("At dawn");
		// Drafts never show through the Content API.
		assertThat(http("/api/content/v1/articles/" + id).statusCode()).isEqualTo(404);

		var updated = send(contributor, "PUT", API + "/articles/" + id, article("Quay cranes stand still", image));
		assertThat(body(updated).at("/latest/headline").asString()).isEqualTo("Quay cranes stand still");
		assertThat(send(contributor, "POST", API + "/articles/" + id + "/publish", null).statusCode()).isEqualTo(403);
		assertThat(body(send(contributor, "POST", API + "/articles/" + id + "/submit", null)).get("status").asString())
			.isEqualTo("in_review");
		// An administrator-scoped key of a contributor's account is still a contributor.
		assertThat(send(overscoped, "POST", API + "/articles/" + id + "/publish", null).statusCode()).isEqualTo(403);

		// The editor schedules it; the scheduler publishes it when its time comes.
		String goLive = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString();
		var scheduled = send(editor, "POST", API + "/articles/" + id + "/schedule",
				"{\"goLiveAt\":\"" + goLive + "\"}");
		assertThat(body(scheduled).get("status").asString()).isEqualTo("scheduled");
		assertThat(body(scheduled).get("goLiveAt").asString()).isEqualTo(goLive);
		assertThat(http("/api/content/v1/articles/" + id).statusCode()).isEqualTo(404);
		clock.advance(Duration.ofHours(2));
		site.bean(ArticleWorkflow.class).runDue();
		var live = http("/api/content/v1/articles/" + id);
		assertThat(live.statusCode()).isEqualTo(200);
		assertThat(body(live).get("headline").asString()).isEqualTo("Quay cranes stand still");
		assertThat(body(live).at("/authors/1/name").asString()).isEqualTo("Dov Second");
		assertThat(body(live).at("/leadImage/caption").asString()).isEqualTo("At dawn");

		// An update waits for "publish changes"; the diff shows it.
		var changed = send(editor, "PUT", API + "/articles/" + id, article("Quay cranes move again", image));
		assertThat(body(changed).get("unpublishedChanges").asBoolean()).isTrue();
		assertThat(body(http("/api/content/v1/articles/" + id)).get("headline").asString())
			.isEqualTo("Quay cranes stand still");
		var revisions = body(send(editor, "GET", API + "/articles/" + id + "/revisions", null));
		assertThat(revisions.size()).isGreaterThanOrEqualTo(3);
		long newest = revisions.get(0).get("id").asLong();
		long liveRevision = body(changed).get("liveRevision").asLong();
		var diff = body(
				send(editor, "GET", API + "/articles/" + id + "/diff?from=" + liveRevision + "&to=" + newest, null));
		assertThat(diff.get("fields").toString()).contains("move again").contains("stand still");
		send(editor, "POST", API + "/articles/" + id + "/publish", null);
		assertThat(body(http("/api/content/v1/articles/" + id)).get("headline").asString())
			.isEqualTo("Quay cranes move again");
		// An old revision's fields, and restoring them as the latest revision.
		var old = body(send(editor, "GET", API + "/articles/" + id + "/revisions/" + liveRevision, null));
		assertThat(old.at("/fields/headline").asString()).isEqualTo("Quay cranes stand still");
		var restored = body(
				send(editor, "POST", API + "/articles/" + id + "/revisions/" + liveRevision + "/restore", null));
		assertThat(restored.at("/latest/headline").asString()).isEqualTo("Quay cranes stand still");
		assertThat(restored.get("unpublishedChanges").asBoolean()).isTrue();

		// Unpublished, it leaves the Content API; the history names each key.
		assertThat(body(send(editor, "POST", API + "/articles/" + id + "/unpublish", null)).get("status").asString())
			.isEqualTo("unpublished");
		assertThat(http("/api/content/v1/articles/" + id).statusCode()).isEqualTo(404);
		var history = body(send(editor, "GET", API + "/articles/" + id + "/history", null)).toString();
		assertThat(history).contains("Cara Contributor (API key “Cara Contributor script”)")
			.contains("Eda Editor (API key “Eda Editor script”)")
			.contains("\"submitted\"")
			.contains("\"unpublished\"");

		// Only editors delete; then it is gone.
		assertThat(send(author, "DELETE", API + "/articles/" + id, null).statusCode()).isEqualTo(403);
		assertThat(send(administrator, "DELETE", API + "/articles/" + id, null).statusCode()).isEqualTo(204);
		assertThat(send(editor, "GET", API + "/articles/" + id, null).statusCode()).isEqualTo(404);
	}

	@Test
	void authorsPublishTheirOwnArticlesButNotOthers() {
		long own = body(send(author, "POST", API + "/articles", article("Author's own", null))).get("id").asLong();
		assertThat(body(send(author, "POST", API + "/articles/" + own + "/publish", null)).get("status").asString())
			.isEqualTo("published");
		assertThat(http("/api/content/v1/articles/" + own).statusCode()).isEqualTo(200);
		long theirs = body(send(contributor, "POST", API + "/articles", article("Someone else's", null))).get("id")
			.asLong();
		assertThat(send(author, "POST", API + "/articles/" + theirs + "/publish", null).statusCode()).isEqualTo(403);
		// A contributor does not even see an author's article.
		assertThat(send(contributor, "GET", API + "/articles/" + own, null).statusCode()).isEqualTo(403);
		var listed = body(send(contributor, "GET", API + "/articles?status=draft", null)).get("items").toString();
		assertThat(listed).contains("Someone else's").doesNotContain("Author's own");
	}

	@Test
	void requestsWithoutAWorkingKeyAre401() {
		var none = checked("GET", RunningSite.send(http, request(null, "GET", API + "/articles", null)));
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
		assertThat(none.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(send("bsk_" + "x".repeat(43), "GET", API + "/articles", null).statusCode()).isEqualTo(401);
		assertThat(send("not-a-key", "GET", API + "/articles", null).statusCode()).isEqualTo(401);
		// An Admin API key is no Content API key.
		var wrongKey = http("/api/content/v1/articles?key=" + contributor);
		assertThat(wrongKey.statusCode()).isEqualTo(401);
		assertThat(body(wrongKey).get("parameter").asString()).isEqualTo("key");
		var keys = site.bean(ApiKeys.class);
		var issued = keys.issue(SystemActor.CLI, "Short-lived", "eda@example.org", Role.EDITOR);
		assertThat(send(issued.secret(), "GET", API + "/articles", null).statusCode()).isEqualTo(200);
		keys.revoke(SystemActor.CLI, issued.key().id());
		assertThat(send(issued.secret(), "GET", API + "/articles", null).statusCode()).isEqualTo(401);
		assertThat(
				keys.all(SystemActor.CLI).stream().filter(k -> k.id() == issued.key().id()).findFirst().orElseThrow())
			.satisfies(k -> {
				assertThat(k.lastUsedAt()).isNotNull();
				assertThat(k.active()).isFalse();
				assertThat(k.hint()).startsWith("bsk_");
			});
	}

	@Test
	void badInputIsAProblemNamingTheField() {
		var untitled = send(contributor, "POST", API + "/articles", article("", null));
		assertThat(untitled.statusCode()).isEqualTo(422);
		assertThat(untitled.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(untitled).get("field").asString()).isEqualTo("headline");
		assertThat(body(untitled).at("/errors/0/field").asString()).isEqualTo("headline");

		var badCaption = send(contributor, "POST", API + "/articles", article("Caption", null)
			.replace("\"leadImage\":null", "\"leadImage\":{\"id\":1,\"caption\":\"a\\u0000b\"}"));
		assertThat(badCaption.statusCode()).isEqualTo(422);
		assertThat(body(badCaption).get("field").asString()).isEqualTo("leadImage.caption");

		var wrongType = send(contributor, "POST", API + "/articles", "{\"headline\":\"x\",\"authors\":\"not a list\"}");
		assertThat(wrongType.statusCode()).isEqualTo(400);
		assertThat(body(wrongType).get("field").asString()).isEqualTo("authors");
		assertThat(send(contributor, "POST", API + "/articles", "{not json").statusCode()).isEqualTo(400);

		var badStatus = send(editor, "GET", API + "/articles?status=lost", null);
		assertThat(badStatus.statusCode()).isEqualTo(400);
		assertThat(body(badStatus).get("parameter").asString()).isEqualTo("status");
		assertThat(body(send(editor, "GET", API + "/articles/abc", null)).get("parameter").asString()).isEqualTo("id");

		long id = body(send(editor, "POST", API + "/articles", article("Timing", null))).get("id").asLong();
		var past = send(editor, "POST", API + "/articles/" + id + "/schedule",
				"{\"goLiveAt\":\"2001-01-01T00:00:00Z\"}");
		assertThat(past.statusCode()).isEqualTo(422);
		assertThat(body(past).get("field").asString()).isEqualTo("goLiveAt");
		var garbled = send(editor, "POST", API + "/articles/" + id + "/schedule", "{\"goLiveAt\":\"tomorrow\"}");
		assertThat(body(garbled).get("field").asString()).isEqualTo("goLiveAt");

		assertThat(body(send(contributor, "GET", API + "/media?limit=5", null)).size()).isBetween(0, 5);
		var notAnImage = upload(contributor, "plain text".getBytes(StandardCharsets.UTF_8), "Alt");
		assertThat(notAnImage.statusCode()).isEqualTo(422);
		assertThat(body(notAnImage).get("field").asString()).isEqualTo("file");
		var noAlt = upload(contributor, jpeg(), "");
		assertThat(body(noAlt).get("field").asString()).isEqualTo("alt");
	}

	@Test
	void stateConflictsAre409AndUnknownIdsAre404() {
		long id = body(send(editor, "POST", API + "/articles", article("Conflicts", null))).get("id").asLong();
		send(editor, "POST", API + "/articles/" + id + "/publish", null);
		var again = send(editor, "POST", API + "/articles/" + id + "/submit", null);
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(body(again).get("field").asString()).isEqualTo("status");
		var sameSlug = send(editor, "POST", API + "/articles",
				article("Conflicts", null).replace("\"slug\":null", "\"slug\":\"conflicts\""));
		assertThat(sameSlug.statusCode()).isEqualTo(409);
		assertThat(body(sameSlug).get("field").asString()).isEqualTo("slug");
		assertThat(send(editor, "POST", API + "/articles/" + id + "/cancel-schedule", null).statusCode())
			.isEqualTo(409);

		assertThat(send(editor, "GET", API + "/articles/987654", null).statusCode()).isEqualTo(404);
		assertThat(send(editor, "POST", API + "/articles/987654/publish", null).statusCode()).isEqualTo(404);
		assertThat(send(editor, "GET", API + "/articles/" + id + "/revisions/987654", null).statusCode())
			.isEqualTo(404);
		assertThat(send(editor, "GET", API + "/comments/987654", null).statusCode()).isEqualTo(404);
		assertThat(send(editor, "PUT", API + "/articles/987654/discussion", "{\"closed\":true}").statusCode())
			.isEqualTo(404);
		assertThat(send(editor, "PUT", API + "/authors/987654", "{}").statusCode()).isEqualTo(404);
		assertThat(send(editor, "GET", API + "/nothing-here", null).statusCode()).isEqualTo(404);
	}

	@Test
	void aRetriedPostWithTheSameIdempotencyKeyActsOnce() {
		String key = UUID.randomUUID().toString();
		String body = article("Exactly once", null);
		var first = send(contributor, "POST", API + "/articles", body, "Idempotency-Key", key);
		var second = send(contributor, "POST", API + "/articles", body, "Idempotency-Key", key);
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(second.statusCode()).isEqualTo(201);
		assertThat(second.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
		assertThat(body(second).get("id").asLong()).isEqualTo(body(first).get("id").asLong());
		var listed = body(send(contributor, "GET", API + "/articles?q=Exactly%20once", null)).get("items");
		assertThat(listed.size()).isEqualTo(1);

		var reused = send(contributor, "POST", API + "/articles", article("Something else", null), "Idempotency-Key",
				key);
		assertThat(reused.statusCode()).isEqualTo(422);
		// Keys are per API key: another key's same Idempotency-Key is a new request.
		assertThat(send(author, "POST", API + "/articles", body, "Idempotency-Key", key).statusCode()).isEqualTo(201);
		// A refused request is kept too: retrying it gets the same refusal.
		String refusedKey = UUID.randomUUID().toString();
		assertThat(send(contributor, "POST", API + "/articles", article("", null), "Idempotency-Key", refusedKey)
			.statusCode()).isEqualTo(422);
		var refusedAgain = send(contributor, "POST", API + "/articles", article("", null), "Idempotency-Key",
				refusedKey);
		assertThat(refusedAgain.statusCode()).isEqualTo(422);
		assertThat(refusedAgain.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(send(contributor, "POST", API + "/articles", body, "Idempotency-Key", "").statusCode())
			.isEqualTo(400);
	}

	@Test
	void administratorsManageWebhooksThroughTheApiAndDeliveriesAreSigned() throws Exception {
		try (var receiver = new WebhookReceiver()) {
			String subscription = "{\"url\":\"" + receiver.url()
					+ "\",\"events\":[\"article.published\"],\"description\":\"Print\"}";
			assertThat(send(editor, "POST", API + "/webhooks", subscription).statusCode()).isEqualTo(403);
			var created = send(administrator, "POST", API + "/webhooks", subscription);
			assertThat(created.statusCode()).isEqualTo(201);
			long id = body(created).get("id").asLong();
			String secret = body(created).get("secret").asString();
			assertThat(secret).startsWith("whsec_");
			assertThat(body(send(administrator, "GET", API + "/webhooks/" + id, null)).has("secret")).isFalse();
			assertThat(body(send(administrator, "GET", API + "/webhooks/" + id + "/secret", null)).get("secret")
				.asString()).isEqualTo(secret);
			assertThat(body(send(administrator, "GET", API + "/webhooks", null)).toString()).contains(receiver.url());

			long article = body(send(editor, "POST", API + "/articles", article("Hooked", null))).get("id").asLong();
			send(editor, "POST", API + "/articles/" + article + "/publish", null);
			var delivered = receiver
				.await(r -> r.body().contains("\"article.published\"") && r.body().contains("\"id\":" + article), 1,
						Duration.ofSeconds(10))
				.get(0);
			// The reference library signs it again to compare (its verify() also wants
			// the
			// timestamp near the real clock, which this test's clock runs ahead of).
			String expected = new Webhook(secret).sign(delivered.id(),
					Long.parseLong(delivered.header("webhook-timestamp")), delivered.body());
			assertThat(delivered.header("webhook-signature").split(" ")).contains(expected);
			var log = body(send(administrator, "GET", API + "/webhooks/" + id + "/deliveries", null));
			assertThat(log.get(0).get("messageId").asString()).isEqualTo(delivered.id());
			var again = send(administrator, "POST",
					API + "/webhooks/deliveries/" + log.get(0).get("id").asLong() + "/resend", null);
			assertThat(body(again).get("messageId").asString()).isEqualTo(delivered.id());

			var rotated = body(send(administrator, "POST", API + "/webhooks/" + id + "/rotate-secret", null));
			assertThat(rotated.get("secret").asString()).startsWith("whsec_").isNotEqualTo(secret);
			assertThat(rotated.get("previousSecretUntil").asString()).isNotEmpty();
			var disabled = send(administrator, "PUT", API + "/webhooks/" + id, "{\"url\":\"" + receiver.url()
					+ "\",\"events\":[\"article.published\",\"article.updated\"],\"active\":false}");
			assertThat(body(disabled).get("active").asBoolean()).isFalse();
			assertThat(body(disabled).get("events").toString()).contains("article.updated");
			var badUrl = send(administrator, "POST", API + "/webhooks",
					"{\"url\":\"ftp://x\",\"events\":[\"article.published\"]}");
			assertThat(badUrl.statusCode()).isEqualTo(422);
			assertThat(body(badUrl).get("field").asString()).isEqualTo("url");
			var badEvent = send(administrator, "POST", API + "/webhooks",
					"{\"url\":\"" + receiver.url() + "\",\"events\":[\"article.exploded\"]}");
			assertThat(body(badEvent).get("field").asString()).isEqualTo("events");
			assertThat(send(administrator, "DELETE", API + "/webhooks/" + id, null).statusCode()).isEqualTo(204);
			assertThat(send(administrator, "GET", API + "/webhooks/" + id, null).statusCode()).isEqualTo(404);
		}
	}

	@Test
	void aKeyStillInFlightIs409UntilItsLeaseRunsOut() {
		String key = UUID.randomUUID().toString();
		long keyId = site.bean(ApiKeys.class)
			.all(SystemActor.CLI)
			.stream()
			.filter(k -> k.name().equals("Eda Editor script"))
			.findFirst()
			.orElseThrow()
			.id();
		// A claim without a response: a request with this key is running (or its node
		// died).
		var jdbc = site.bean(JdbcClient.class);
		jdbc.sql("""
				INSERT INTO idempotent_response (api_key_id, idempotency_key, request_hash, status, created_at)
				VALUES (?, ?, 'x', 0, ?)""").params(keyId, key, clock.millis()).update();
		var running = send(editor, "POST", API + "/articles", article("In flight", null), "Idempotency-Key", key);
		assertThat(running.statusCode()).isEqualTo(409);
		assertThat(body(running).get("parameter").asString()).isEqualTo("Idempotency-Key");
		clock.advance(IdempotentResponses.LEASE.plusSeconds(1));
		assertThat(send(editor, "POST", API + "/articles", article("In flight", null), "Idempotency-Key", key)
			.statusCode()).isEqualTo(201);
	}

	@Test
	void anUploadWithAnIdempotencyKeyIsStoredOnce() throws IOException {
		byte[] photo = TestImages.jpeg(640, 480);
		String key = UUID.randomUUID().toString();
		var first = upload(contributor, photo, "Gulls", "Idempotency-Key", key);
		var again = upload(contributor, photo, "Gulls", "Idempotency-Key", key);
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(body(again).get("id").asLong()).isEqualTo(body(first).get("id").asLong());
		var otherAlt = upload(contributor, photo, "Terns", "Idempotency-Key", key);
		assertThat(otherAlt.statusCode()).isEqualTo(422);
		long image = body(first).get("id").asLong();
		assertThat(site.bean(NewsroomAudit.class).trail(NewsroomAudit.IMAGE, image)).singleElement()
			.satisfies(e -> assertThat(e.who()).isEqualTo("Cara Contributor (API key “Cara Contributor script”)"));
	}

	@Test
	void refusalsAreProblemDetailsAndPagesStartAtOne() {
		var refused = send(contributor, "GET", API + "/comments", null);
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(body(refused).get("status").asInt()).isEqualTo(403);
		assertThat(body(send(editor, "GET", API + "/articles?page=0", null)).get("parameter").asString())
			.isEqualTo("page");
		assertThat(body(send(editor, "GET", API + "/articles?limit=500", null)).get("parameter").asString())
			.isEqualTo("limit");
		assertThat(body(send(editor, "GET", API + "/articles/1/diff?from=1", null)).get("parameter").asString())
			.isEqualTo("to");
		var unknown = send(editor, "GET", API + "/nothing-here", null);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void editorsModerateCommentsAndManageTopicsContributorsDoNot() {
		long id = body(send(editor, "POST", API + "/articles", article("Talked about", null))).get("id").asLong();
		send(editor, "POST", API + "/articles/" + id + "/publish", null);
		long comment = site.bean(Comments.class).add(id, "Reader", "First!", CommentStatus.PENDING).id();
		var refused = send(contributor, "GET", API + "/comments", null);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		var queue = body(send(editor, "GET", API + "/comments?status=pending", null));
		assertThat(queue.get("items").toString()).contains("First!");
		var moderated = send(editor, "POST", API + "/comments/moderation",
				"{\"action\":\"approve\",\"ids\":[" + comment + "]}");
		assertThat(body(moderated).get("changed").asInt()).isEqualTo(1);
		assertThat(body(send(editor, "GET", API + "/comments/" + comment, null)).get("status").asString())
			.isEqualTo("approved");
		assertThat(body(http("/api/content/v1/articles/" + id)).get("commentCount").asInt()).isEqualTo(1);
		var badAction = send(editor, "POST", API + "/comments/moderation", "{\"action\":\"bless\",\"ids\":[1]}");
		assertThat(body(badAction).get("field").asString()).isEqualTo("action");
		var badCorrection = send(editor, "PUT", API + "/comments/" + comment,
				"{\"name\":\"\",\"email\":\"\",\"website\":\"\",\"text\":\"Fixed\"}");
		assertThat(badCorrection.statusCode()).isEqualTo(422);
		assertThat(body(badCorrection).get("field").asString()).isEqualTo("name");
		assertThat(send(editor, "PUT", API + "/articles/" + id + "/discussion", "{\"closed\":true}").statusCode())
			.isEqualTo(204);

		var sections = body(send(contributor, "GET", API + "/sections", null));
		long section = sections.get(0).get("id").asLong();
		assertThat(send(contributor, "PUT", API + "/sections/" + section, "{\"name\":\"Renamed\"}").statusCode())
			.isEqualTo(403);
		var renamed = send(editor, "PUT", API + "/sections/" + section, "{\"name\":\"Harbour news\",\"opinion\":true}");
		assertThat(body(renamed).get("name").asString()).isEqualTo("Harbour news");
		assertThat(body(renamed).get("opinion").asBoolean()).isTrue();
		assertThat(site.bean(NewsroomAudit.class).trail(NewsroomAudit.SECTION, section))
			.anySatisfy(e -> assertThat(e.who()).isEqualTo("Eda Editor (API key “Eda Editor script”)"));
		assertThat(body(send(editor, "PUT", API + "/sections/" + section, "{\"name\":\"\"}")).get("field").asString())
			.isEqualTo("name");

		long tag = body(send(contributor, "GET", API + "/tags", null)).get(0).get("id").asLong();
		var renamedTag = send(editor, "PUT", API + "/tags/" + tag, "{\"name\":\"Ships and shipping\"}");
		assertThat(body(renamedTag).get("name").asString()).isEqualTo("Ships and shipping");
		assertThat(send(contributor, "PUT", API + "/tags/" + tag, "{\"name\":\"No\"}").statusCode()).isEqualTo(403);

		long authorId = body(send(editor, "GET", API + "/authors", null)).get(0).get("id").asLong();
		assertThat(body(send(contributor, "GET", API + "/authors/" + authorId, null)).get("id").asLong())
			.isEqualTo(authorId);
		var profile = send(editor, "PUT", API + "/authors/" + authorId,
				"{\"title\":\"Harbour reporter\",\"bio\":\"Covers ships.\",\"links\":[\"https://example.org/me\"]}");
		assertThat(body(profile).get("title").asString()).isEqualTo("Harbour reporter");
		assertThat(body(profile).get("links").toString()).contains("https://example.org/me");
		var badLink = send(editor, "PUT", API + "/authors/" + authorId, "{\"links\":[\"javascript:alert(1)\"]}");
		assertThat(badLink.statusCode()).isEqualTo(422);
		assertThat(body(badLink).get("field").asString()).isEqualTo("links");
	}

	@Test
	void editorsLookAfterTheMediaLibrary() throws IOException {
		// The unused one first: SQLite gives the highest id again once its row is
		// deleted,
		// which would mix two images' audit trails in the other tests.
		long unused = body(upload(contributor, TestImages.jpeg(813, 300), "A quiet breakwater")).get("id").asLong();
		long used = body(upload(contributor, TestImages.jpeg(811, 300), "Gulls over the breakwater")).get("id")
			.asLong();
		send(contributor, "POST", API + "/articles", article("Gulls return", used));

		var found = body(send(contributor, "GET", API + "/media?q=gulls+BREAKWATER", null));
		assertThat(found.size()).isEqualTo(1);
		assertThat(found.get(0).get("id").asLong()).isEqualTo(used);
		assertThat(found.get(0).has("usedIn")).isFalse();
		var one = body(send(contributor, "GET", API + "/media/" + used, null));
		assertThat(one.at("/usedIn/0/kind").asString()).isEqualTo("article");
		assertThat(one.at("/usedIn/0/title").asString()).isEqualTo("Gulls return");
		assertThat(send(contributor, "GET", API + "/media/999999", null).statusCode()).isEqualTo(404);

		String texts = "{\"alt\":\"Gulls over the old breakwater\",\"caption\":null,\"credit\":\"Agency\"}";
		assertThat(send(author, "PUT", API + "/media/" + used, texts).statusCode()).isEqualTo(403);
		var blank = send(editor, "PUT", API + "/media/" + used, "{\"alt\":\"\"}");
		assertThat(blank.statusCode()).isEqualTo(422);
		assertThat(body(blank).get("field").asString()).isEqualTo("alt");
		var described = body(send(editor, "PUT", API + "/media/" + used, texts));
		assertThat(described.get("alt").asString()).isEqualTo("Gulls over the old breakwater");
		assertThat(described.get("credit").asString()).isEqualTo("Agency");

		var inUse = send(editor, "DELETE", API + "/media/" + used, null);
		assertThat(inUse.statusCode()).isEqualTo(409);
		assertThat(body(inUse).get("field").asString()).isEqualTo("image");
		assertThat(send(contributor, "DELETE", API + "/media/" + unused, null).statusCode()).isEqualTo(403);
		assertThat(send(editor, "DELETE", API + "/media/" + unused, null).statusCode()).isEqualTo(204);
		assertThat(send(editor, "GET", API + "/media/" + unused, null).statusCode()).isEqualTo(404);
	}

	private String article(String headline, Long image) {
		Map<String, Object> fields = new java.util.LinkedHashMap<>();
		fields.put("headline", headline);
		fields.put("slug", null);
		fields.put("section", "Harbour");
		fields.put("authors", List.of("Cara Contributor", "Dov Second"));
		fields.put("standfirst", "The port is quiet");
		fields.put("bodyMarkdown", "Nothing **moves** on the quay.");
		fields.put("tags", List.of("Shipping", "Labour"));
		fields.put("language", "en");
		fields.put("leadImage", image == null ? null : Map.of("id", image, "caption", "At dawn", "credit", "Staff"));
		fields.put("syndication", null);
		return json.writeValueAsString(fields);
	}

	private JsonNode body(HttpResponse<String> response) {
		return json.readTree(response.body());
	}

	private HttpResponse<String> http(String path) {
		return checked("GET", RunningSite.send(http, HttpRequest.newBuilder(URI.create(site.url(path))).GET().build()));
	}

	private HttpResponse<String> send(String key, String method, String path, String body, String... headers) {
		return checked(method, RunningSite.send(http, request(key, method, path, body, headers)));
	}

	/**
	 * Validates a response against the OpenAPI document; one from an address the document
	 * does not have must be a 404 problem.
	 */
	private HttpResponse<String> checked(String method, HttpResponse<String> response) {
		if (openApi.documents(response.uri().getRawPath())) {
			openApi.validate(method, response);
		}
		else {
			assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(404);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(openApi.schemaProblems(json.readTree("{\"$ref\": \"#/components/schemas/Problem\"}"),
					body(response)))
				.isEmpty();
		}
		return response;
	}

	private HttpRequest request(String key, String method, String path, String body, String... headers) {
		var builder = HttpRequest.newBuilder(URI.create(site.url(path)))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			builder.header("Authorization", "Bearer " + key);
		}
		if (body != null) {
			builder.header("Content-Type", "application/json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		return builder.build();
	}

	private HttpResponse<String> upload(String key, byte[] file, String alt, String... headers) {
		String boundary = "b" + UUID.randomUUID();
		List<byte[]> parts = new ArrayList<>();
		parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"alt\"\r\n\r\n" + alt + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		parts.add(("--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		parts.add(file);
		parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		var request = HttpRequest.newBuilder(URI.create(site.url(API + "/media")))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(parts));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return checked("POST", RunningSite.send(http, request.build()));
	}

	private static byte[] jpeg() {
		try {
			return TestImages.jpeg(400, 300);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
