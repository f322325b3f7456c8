package org.broadsheet.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;

import io.micrometer.core.instrument.MeterRegistry;

import org.broadsheet.account.Account;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Comments;
import org.broadsheet.comment.Moderation;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestClock;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.WebhookReceiver;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.security.access.AccessDeniedException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end: a real HTTP receiver gets every event signed as the Standard
 * Webhooks reference library verifies it, within 2 s of the commit; a failing receiver
 * gets retries with the same {@code webhook-id} until it recovers, then nothing more;
 * after 24 hours of failures the subscription is disabled with a notice; "send again",
 * secret rotation, input checks and permissions. The clock is advanced, never slept on
 * (the 24-hour test runs last: the reference library checks timestamps against the real
 * clock). Subclasses give the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class WebhookContract {

	static final Duration SOON = Duration.ofSeconds(10);

	static final String PASSWORD = "a long enough password";

	final JsonMapper json = new JsonMapper();

	final TestClock clock = new TestClock();

	RunningSite site;

	List<String> options;

	Webhooks webhooks;

	ArticleWorkflow workflow;

	WebhookReceiver receiver;

	/**
	 * @return options that put the site on the database under test
	 */
	abstract List<String> database(Path data);

	@BeforeAll
	void start() {
		Path data = TestDatabases.newDataFolder();
		options = new ArrayList<>(database(data));
		options.addAll(List.of("--broadsheet.webhooks.allow-private-addresses=true",
				"--broadsheet.webhooks.poll-interval=100ms"));
		// Payloads outside a request (the scheduler's) name the site as the Content API
		// does.
		options.add("--broadsheet.site.base-url=https://news.example");
		site = RunningSite.start(data, clock, options.toArray(String[]::new));
		webhooks = site.bean(Webhooks.class);
		workflow = site.bean(ArticleWorkflow.class);
	}

	@BeforeEach
	void receiver() {
		receiver = new WebhookReceiver();
	}

	@AfterEach
	void unsubscribe() {
		webhooks.all(TestArticles.ACTOR).forEach(s -> webhooks.delete(TestArticles.ACTOR, s.id()));
		receiver.close();
	}

	@AfterAll
	void stop() {
		site.close();
	}

	Webhooks.Subscribed subscribeAll() {
		return webhooks.subscribe(TestArticles.ACTOR, receiver.url(), Set.copyOf(Webhooks.EVENTS), "test receiver");
	}

	long draft(String title) {
		return workflow.create(TestArticles.ACTOR,
				new ArticleDraft(null, title, "Ports", List.of(AuthorProfile.named("Ada Quay")), "About " + title,
						"Body of " + title, null, List.of("Shipping"), null, ArticleStatus.DRAFT, null, null, null));
	}

	JsonNode body(WebhookReceiver.Received received) {
		return json.readTree(received.body());
	}

	Predicate<WebhookReceiver.Received> event(String type, long id) {
		return r -> {
			JsonNode body = body(r);
			return body.get("type").asString().equals(type) && body.get("data").get("id").asLong() == id;
		};
	}

	/**
	 * Waits until the subscription's newest delivery has recorded the failure of its
	 * {@code attempts}th attempt, to be retried {@code wait} later (the receiver answers
	 * before the outcome is written).
	 */
	WebhookDelivery awaitRetry(long subscription, int attempts, Duration wait) {
		return await().atMost(SOON)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> webhooks.deliveries(TestArticles.ACTOR, subscription, 1).get(0),
					newest -> newest.attempts() == attempts && newest.lastAttemptAt() != null
							&& Duration.between(newest.lastAttemptAt(), newest.nextAttemptAt()).equals(wait));
	}

	static void verify(String secret, WebhookReceiver.Received received) {
		try {
			new Webhook(secret).verify(received.body(), received.headers());
		}
		catch (WebhookVerificationException | EmptyWebhookSecretException ex) {
			throw new AssertionError("signature does not verify with " + secret + ": " + ex.getMessage(), ex);
		}
	}

	@Test
	@Order(1)
	void aPublishedArticleReachesTheReceiverSignedAsTheContentApiShowsIt() {
		var subscribed = subscribeAll();
		assertThat(subscribed.secret()).startsWith("whsec_");
		long id = draft("Harbour dues rise");

		workflow.publish(TestArticles.ACTOR, id);
		// Delivered when the commit nudges the dispatcher; how fast is measured by
		// scripts/benchmark-webhooks.sh, not here, where it would depend on the machine's
		// load.
		var received = receiver.await(event("article.published", id), 1, SOON).get(0);

		verify(subscribed.secret(), received);
		assertThat(received.id()).startsWith("msg_");
		assertThat(received.header("Content-Type")).isEqualTo("application/json");
		assertThat(received.header("User-Agent")).isEqualTo("Broadsheet-Webhooks");
		JsonNode body = body(received);
		assertThat(Instant.parse(body.get("timestamp").asString())).isCloseTo(clock.instant(),
				org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
		var api = site.get("/api/content/v1/articles/" + id);
		assertThat(api.status()).isEqualTo(200);
		assertThat(body.get("data")).isEqualTo(json.readTree(api.response().body()));
		// The draft's creation was not public: nothing was sent for it.
		assertThat(receiver.all()).hasSize(1);
	}

	@Test
	@Order(2)
	void updatesSchedulingUnpublishingDeletionCommentsAndRenamesAreDelivered() {
		var subscribed = subscribeAll();
		long id = draft("Tide tables");
		workflow.publish(TestArticles.ACTOR, id);
		receiver.await(event("article.published", id), 1, SOON);

		TestArticles.republish(workflow, id,
				new ArticleDraft(null, "Tide tables corrected", "Ports", List.of(AuthorProfile.named("Ada Quay")),
						"About tides", "New body", null, List.of("Shipping"), null, ArticleStatus.DRAFT, null, null,
						null));
		// Saving a revision of a live article sends article.updated (nothing readers see
		// changed yet); publishing the changes sends another, with them.
		receiver.await(event("article.updated", id)
			.and(r -> body(r).get("data").get("headline").asString().equals("Tide tables corrected")), 1, SOON);

		var comment = site.bean(Comments.class).add(id, "Reader", "Held for moderation", CommentStatus.PENDING);
		var created = receiver.await(event("comment.created", comment.id()), 1, SOON).get(0);
		assertThat(body(created).get("data").get("articleId").asLong()).isEqualTo(id);
		assertThat(body(created).get("data").get("status").asString()).isEqualTo("pending");
		assertThat(created.body()).doesNotContain("Held for moderation").doesNotContain("Reader");
		site.bean(Moderation.class).apply(TestArticles.ACTOR, Moderation.Action.APPROVE, List.of(comment.id()));
		var approved = receiver.await(event("comment.approved", comment.id()), 1, SOON).get(0);
		assertThat(body(approved).get("data").get("text").asString()).isEqualTo("Held for moderation");

		workflow.unpublish(TestArticles.ACTOR, id, null);
		var unpublished = receiver.await(event("article.unpublished", id), 1, SOON).get(0);
		assertThat(body(unpublished).get("data").propertyNames()).containsExactly("id");

		long later = draft("Budget day");
		Instant goLive = clock.instant().plus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		workflow.schedule(TestArticles.ACTOR, later, goLive);
		var scheduled = receiver.await(event("article.scheduled", later), 1, SOON).get(0);
		assertThat(body(scheduled).get("data").get("goLiveAt").asString()).isEqualTo(goLive.toString());
		// Not public before its instant: published when the scheduler makes it public.
		assertThat(receiver.all()).noneMatch(event("article.published", later));
		clock.advance(Duration.ofSeconds(61));
		var published = receiver.await(event("article.published", later), 1, SOON).get(0);
		assertThat(body(published).get("data").get("headline").asString()).isEqualTo("Budget day");

		workflow.delete(TestArticles.ACTOR, id);
		receiver.await(event("article.deleted", id), 1, SOON);
		receiver.all().forEach(r -> verify(subscribed.secret(), r));
		assertThat(receiver.all()).extracting(WebhookReceiver.Received::id).doesNotHaveDuplicates();
	}

	@Test
	@Order(3)
	void aFailingReceiverGetsRetriesWithTheSameIdUntilItRecoversThenNothingMore() {
		var subscribed = subscribeAll();
		receiver.failNext.set(2);
		long id = draft("Storm warning");
		workflow.publish(TestArticles.ACTOR, id);
		receiver.await(event("article.published", id), 1, SOON);
		var first = awaitRetry(subscribed.subscription().id(), 1, Duration.ofSeconds(5));
		assertThat(first.status()).isEqualTo(WebhookDelivery.Status.PENDING);
		assertThat(first.responseCode()).isEqualTo(500);
		assertThat(first.lastError()).isEqualTo("HTTP 500");
		clock.advance(Duration.ofSeconds(5));
		receiver.await(event("article.published", id), 2, SOON);
		awaitRetry(subscribed.subscription().id(), 2, Duration.ofSeconds(30));
		clock.advance(Duration.ofSeconds(30));
		var attempts = receiver.await(event("article.published", id), 3, SOON);

		assertThat(attempts).extracting(WebhookReceiver.Received::status).containsExactly(500, 500, 204);
		assertThat(attempts).extracting(WebhookReceiver.Received::id).containsOnly(attempts.get(0).id());
		assertThat(attempts).extracting(WebhookReceiver.Received::body).containsOnly(attempts.get(0).body());
		attempts.forEach(r -> verify(subscribed.secret(), r));

		// A later message arrives after the first's last attempt: none was made since.
		clock.advance(Duration.ofMinutes(3));
		long marker = draft("Marker");
		workflow.publish(TestArticles.ACTOR, marker);
		receiver.await(event("article.published", marker), 1, SOON);
		assertThat(receiver.all()).filteredOn(event("article.published", id)).hasSize(3);
		var delivery = webhooks.deliveries(TestArticles.ACTOR, subscribed.subscription().id(), 10)
			.stream()
			.filter(d -> d.messageId().equals(attempts.get(0).id()))
			.findFirst()
			.orElseThrow();
		assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.DELIVERED);
		assertThat(delivery.attempts()).isEqualTo(3);
		assertThat(delivery.responseCode()).isEqualTo(204);
		assertThat(delivery.durationMs()).isNotNull().isGreaterThanOrEqualTo(0);
		assertThat(delivery.lastError()).isNull();
		assertThat(delivery.finishedAt()).isNotNull();
		var metrics = site.bean(MeterRegistry.class);
		assertThat(metrics.get("broadsheet.webhooks.attempts").tag("outcome", "retried").counter().count())
			.isGreaterThanOrEqualTo(2);
		// The marker's outcome may still be on its way to the database.
		assertThat(metrics.get("broadsheet.webhooks.backlog").gauge().value()).isBetween(0.0, 1.0);
	}

	@Test
	@Order(4)
	void sendAgainDeliversTheSameMessageWithTheSameId() {
		var subscribed = subscribeAll();
		long id = draft("Ferry timetable");
		workflow.publish(TestArticles.ACTOR, id);
		var first = receiver.await(event("article.published", id), 1, SOON).get(0);
		var delivery = webhooks.deliveries(TestArticles.ACTOR, subscribed.subscription().id(), 1).get(0);
		assertThat(delivery.messageId()).isEqualTo(first.id());

		var again = webhooks.resend(TestArticles.ACTOR, delivery.id());
		assertThat(again.status()).isEqualTo(WebhookDelivery.Status.PENDING);
		var second = receiver.await(event("article.published", id), 2, SOON).get(1);
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(second.body()).isEqualTo(first.body());
		verify(subscribed.secret(), second);
		assertThat(webhooks.deliveries(TestArticles.ACTOR, subscribed.subscription().id(), 10)).hasSize(2);
	}

	@Test
	@Order(5)
	void afterARotationBothSecretsVerifyForADay() {
		var subscribed = subscribeAll();
		var rotated = webhooks.rotateSecret(TestArticles.ACTOR, subscribed.subscription().id());
		assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(subscribed.secret());
		assertThat(webhooks.secret(TestArticles.ACTOR, subscribed.subscription().id())).isEqualTo(rotated.secret());
		assertThat(rotated.subscription().previousSecretUntil()).isAfter(clock.instant().plus(Duration.ofHours(23)));

		long id = draft("New secret");
		workflow.publish(TestArticles.ACTOR, id);
		var received = receiver.await(event("article.published", id), 1, SOON).get(0);
		assertThat(received.header("webhook-signature").split(" ")).hasSize(2);
		verify(rotated.secret(), received);
		verify(subscribed.secret(), received);
		assertThatThrownBy(() -> verify(Signatures.newSecret(), received)).isInstanceOf(AssertionError.class);
	}

	@Test
	@Order(6)
	void badInputNamesTheFieldAndOnlyAdministratorsManageWebhooks() {
		Set<String> events = Set.of("article.published");
		assertThatThrownBy(() -> webhooks.subscribe(TestArticles.ACTOR, "ftp://example.com/hook", events, null))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("url"));
		assertThatThrownBy(() -> webhooks.subscribe(TestArticles.ACTOR, "https://user:pw@example.com/", events, null))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("url"));
		assertThatThrownBy(() -> webhooks.subscribe(TestArticles.ACTOR, "/relative", events, null))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("url"));
		assertThatThrownBy(() -> webhooks.subscribe(TestArticles.ACTOR,
				"https://example.com/" + "a".repeat(Targets.MAX_URL), events, null))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("url"));
		assertThatThrownBy(() -> webhooks.subscribe(TestArticles.ACTOR, receiver.url(), Set.of(), null))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("events"));
		assertThatThrownBy(() -> webhooks.subscribe(TestArticles.ACTOR, receiver.url(), Set.of("article.liked"), null))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("events"));
		assertThatThrownBy(() -> webhooks.subscribe(TestArticles.ACTOR, receiver.url(), events, "x".repeat(501)))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("description"));
		// Private addresses are refused unless allowed (these tests allow them).
		assertThatThrownBy(() -> Targets.check("http://127.0.0.1:8080/hook", false)).isInstanceOfSatisfying(
				InvalidInput.class, ex -> assertThat(ex.key()).isEqualTo("webhook.invalid.address"));
		assertThatThrownBy(() -> Targets.check("http://[fd00::1]/hook", false))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("url"));
		// The fediverse's rule (shared.PublicAddresses): metadata, documentation ranges,
		// NAT64.
		for (String hook : List.of("http://169.254.169.254/latest", "http://192.0.2.1/hook",
				"http://[64:ff9b::a00:5]/")) {
			assertThatThrownBy(() -> Targets.check(hook, false)).as(hook)
				.isInstanceOfSatisfying(InvalidInput.class,
						ex -> assertThat(ex.key()).isEqualTo("webhook.invalid.address"));
		}
		assertThat(Targets.check("HTTP://127.0.0.1/hook", true)).hasToString("http://127.0.0.1/hook");

		String run = Long.toString(System.nanoTime());
		Account editor = site.bean(Accounts.class)
			.create(SystemActor.CLI, "editor" + run + "@news.test", "Eda Editor", Role.EDITOR, PASSWORD);
		assertThatThrownBy(() -> webhooks.subscribe(editor, receiver.url(), events, null))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> webhooks.all(editor)).isInstanceOf(AccessDeniedException.class);

		var subscribed = webhooks.subscribe(TestArticles.ACTOR, receiver.url(), events, " Print system ");
		long id = subscribed.subscription().id();
		assertThat(subscribed.subscription().description()).isEqualTo("Print system");
		assertThatThrownBy(() -> webhooks.delete(editor, id)).isInstanceOf(AccessDeniedException.class);
		var changed = webhooks.update(TestArticles.ACTOR, id, receiver.url(),
				Set.of("article.updated", "comment.created"), "", false);
		assertThat(changed.events()).containsExactlyInAnyOrder("article.updated", "comment.created");
		assertThat(changed.active()).isFalse();
		assertThat(webhooks.update(TestArticles.ACTOR, id, receiver.url(), events, "", true).active()).isTrue();
		assertThat(site.bean(NewsroomAudit.class).trail(NewsroomAudit.WEBHOOK, id))
			.extracting(e -> e.who() + " " + e.action())
			.containsExactly("test created", "test disabled", "test updated");
	}

	@Test
	@Order(7)
	void administratorsManageWebhooksAndTheirDeliveryLogInTheNewsroom() {
		String run = Long.toString(System.nanoTime());
		var accounts = site.bean(Accounts.class);
		accounts.create(SystemActor.CLI, "admin" + run + "@news.test", "Ada Admin", Role.ADMINISTRATOR, PASSWORD);
		accounts.create(SystemActor.CLI, "editor" + run + "@news.test", "Eda Editor", Role.EDITOR, PASSWORD);
		var editor = new NewsroomBrowser(site).signIn("editor" + run + "@news.test", PASSWORD);
		assertThat(editor.get("/newsroom/webhooks").statusCode()).isEqualTo(403);
		assertThat(editor.post("/newsroom/webhooks", Map.of("url", receiver.url(), "events", "article.published"))
			.statusCode()).isEqualTo(403);
		var admin = new NewsroomBrowser(site).signIn("admin" + run + "@news.test", PASSWORD);

		var refused = admin.post("/newsroom/webhooks",
				Map.of("url", "ftp://example.com/", "events", "article.published", "description", "Print system"));
		assertThat(refused.statusCode()).isEqualTo(400);
		var form = Jsoup.parse(refused.body());
		assertThat(form.selectFirst("#webhook-url").attr("aria-invalid")).isEqualTo("true");
		assertThat(form.selectFirst("#webhook-url-error").text()).contains("http");
		assertThat(form.selectFirst("#webhook-description").attr("value")).isEqualTo("Print system");
		assertThat(form.selectFirst("input[value=article.published]").hasAttr("checked")).isTrue();

		var created = admin.post("/newsroom/webhooks",
				Map.of("url", receiver.url(), "events", "article.published", "description", "Print system"));
		assertThat(created.statusCode()).isEqualTo(302);
		String page = java.net.URI.create(created.headers().firstValue("Location").orElseThrow()).getPath();
		long id = Long.parseLong(page.replaceAll(".*/", ""));
		var shown = Jsoup.parse(admin.get(page + "?created").body());
		assertThat(shown.selectFirst("#webhook-secret").text()).isEqualTo(webhooks.secret(TestArticles.ACTOR, id));
		assertThat(Jsoup.parse(admin.get("/newsroom/webhooks").body()).select("td a").eachText())
			.contains(receiver.url());

		long article = draft("Seen in the log");
		workflow.publish(TestArticles.ACTOR, article);
		var first = receiver.await(event("article.published", article), 1, SOON).get(0);
		var log = Jsoup.parse(admin.get(page).body()).select("#webhook-log tbody tr");
		assertThat(log).hasSize(1);
		assertThat(log.get(0).text()).contains("article.published", first.id());
		long delivery = webhooks.deliveries(TestArticles.ACTOR, id, 1).get(0).id();
		assertThat(admin.post(page + "/deliveries/" + delivery + "/resend", Map.of()).statusCode()).isEqualTo(302);
		assertThat(receiver.await(event("article.published", article), 2, SOON).get(1).id()).isEqualTo(first.id());
		receiver.all().forEach(r -> verify(webhooks.secret(TestArticles.ACTOR, id), r));

		assertThat(admin.post(page + "/rotate", Map.of()).statusCode()).isEqualTo(302);
		assertThat(Jsoup.parse(admin.get(page + "?rotated").body()).selectFirst("#webhook-secret").text())
			.isEqualTo(webhooks.secret(TestArticles.ACTOR, id));
		assertThat(admin.post(page + "/active", Map.of("active", "false")).statusCode()).isEqualTo(302);
		assertThat(webhooks.find(TestArticles.ACTOR, id).active()).isFalse();
		assertThat(Jsoup.parse(admin.get(page).body()).select(".notice").text()).isNotBlank();
		assertThat(admin.post(page + "/delete", Map.of()).statusCode()).isEqualTo(302);
		assertThat(webhooks.all(TestArticles.ACTOR)).noneMatch(s -> s.id() == id);
		assertThat(site.bean(NewsroomAudit.class).trail(NewsroomAudit.WEBHOOK, id))
			.extracting(e -> e.who() + " " + e.action())
			.containsExactly("Ada Admin created", "Ada Admin resent", "Ada Admin secret-rotated", "Ada Admin disabled",
					"Ada Admin deleted");
	}

	@Test
	@Order(100)
	void aReceiverThatFailsForADayIsDisabledWithANotice() {
		var subscribed = subscribeAll();
		long subscription = subscribed.subscription().id();
		receiver.failAlways = true;
		long id = draft("Unreachable");
		workflow.publish(TestArticles.ACTOR, id);
		receiver.await(event("article.published", id), 1, SOON);
		awaitRetry(subscription, 1, Duration.ofSeconds(5));

		clock.advance(Duration.ofHours(25));
		receiver.await(event("article.published", id), 2, SOON);
		long deadline = System.nanoTime() + SOON.toNanos();
		while (webhooks.find(TestArticles.ACTOR, subscription).active() && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		var disabled = webhooks.find(TestArticles.ACTOR, subscription);
		assertThat(disabled.active()).isFalse();
		assertThat(disabled.disabledReason()).contains("24 hours").contains("HTTP 500");
		assertThat(disabled.disabledAt()).isNotNull();
		var delivery = webhooks.deliveries(TestArticles.ACTOR, subscription, 1).get(0);
		assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.FAILED);
		assertThat(delivery.responseCode()).isEqualTo(500);
		assertThat(site.bean(NewsroomAudit.class).trail(NewsroomAudit.WEBHOOK, subscription))
			.extracting(e -> e.who() + " " + e.action())
			.contains("webhooks disabled");
		assertThatThrownBy(() -> webhooks.resend(TestArticles.ACTOR, delivery.id()))
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo("delivery"));
	}

	/** Message ids received so far (each once, with a healthy receiver). */
	Set<String> ids() {
		Set<String> ids = new HashSet<>();
		receiver.all().forEach(r -> ids.add(r.id()));
		return ids;
	}

}
