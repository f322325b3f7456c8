package org.broadsheet.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.broadsheet.account.Account;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.author.Authors;
import org.broadsheet.comment.CommentStatus;
import org.broadsheet.comment.Comments;
import org.broadsheet.comment.Likes;
import org.broadsheet.comment.Moderation;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.taxonomy.Taxonomy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two nodes on one database, each with its own page cache: a change made through node A's
 * services is seen on node B's cached pages within 2 seconds, for every kind of change.
 * Each test first makes B cache the pages (two reads, the second a hit), then changes
 * through A. Subclasses give the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PageCacheContract {

	static final Duration STALE_AT_MOST = Duration.ofSeconds(2);

	RunningSite a;

	RunningSite b;

	Account editor;

	/**
	 * @return options that put both nodes on one database; {@code first} is node A's data
	 * folder
	 */
	abstract List<String> sharedDatabase(Path first);

	@BeforeAll
	void start() {
		Path dataA = TestDatabases.newDataFolder();
		var shared = sharedDatabase(dataA);
		a = RunningSite.start(dataA, options(shared));
		b = RunningSite.start(TestDatabases.newDataFolder(), options(shared));
		editor = a.bean(Accounts.class)
			.create(SystemActor.CLI, "editor@cache.test", "Editor", Role.EDITOR, "editor-password-1");
	}

	private static String[] options(List<String> shared) {
		var options = new ArrayList<>(shared);
		options.add("--broadsheet.cache.poll-interval=200ms");
		return options.toArray(String[]::new);
	}

	@AfterAll
	void stop() {
		b.close();
		a.close();
	}

	private String publish(String title, String section, String author, String tag) {
		return a.bean(ArticleWorkflow.class)
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, title, section, List.of(AuthorProfile.named(author)),
							"Standfirst of " + title, "Body of " + title, null, List.of(tag), null,
							ArticleStatus.PUBLISHED, Instant.now().minus(1, ChronoUnit.HOURS), null, null))
			.path();
	}

	private long id(String path) {
		return a.bean(PublishedArticles.class).published(path.split("/")[1], path.split("/")[2]).orElseThrow().id();
	}

	/**
	 * Reads {@code path} on B until B serves it from its cache (the change that made the
	 * page may still be on its way to B, evicting what B stored meanwhile).
	 */
	private void cachedOnB(String path, Predicate<String> before) {
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			var page = b.get(path);
			assertThat(page.status()).isEqualTo(200);
			assertThat(before).accepts(page.response().body());
			assertThat(b.bean(PageCache.class).get(path)).as("cached: " + path).isNotNull();
		});
	}

	private void freshOnBWithin(String path, Predicate<String> after) {
		await().atMost(STALE_AT_MOST)
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(after).accepts(b.get(path).response().body()));
	}

	@Test
	void publishingReachesTheFrontSectionTagAuthorFeedAndTheNeighbour() {
		String first = publish("Harbour dues rise", "Ports", "Ada Quay", "Shipping");
		List<String> pages = List.of("/", "/ports/", "/tag/shipping", "/author/ada-quay", "/feed/rss", first);
		for (String page : pages) {
			cachedOnB(page, body -> !body.contains("Dredging begins"));
		}
		publish("Dredging begins", "Ports", "Ada Quay", "Shipping");
		for (String page : pages) {
			freshOnBWithin(page, body -> body.contains("Dredging begins"));
		}
	}

	@Test
	void publishingChangesAndUnpublishingReachTheArticleAndItsListings() {
		String path = publish("Ferry timetable", "Transport", "Ben Wake", "Ferries");
		long id = id(path);
		var workflow = a.bean(ArticleWorkflow.class);
		for (String page : List.of(path, "/transport/", "/")) {
			cachedOnB(page, body -> body.contains("Ferry timetable"));
		}
		var draft = workflow.editing(editor, id).latest();
		workflow.save(editor, id,
				new ArticleDraft(draft.slug(), "Ferry timetable revised", draft.section(), draft.authors(),
						draft.summary(), draft.bodyMarkdown(), draft.leadImage(), draft.tags(), draft.language(),
						draft.status(), draft.publishedAt(), draft.updatedAt(), draft.syndication()));
		workflow.publish(editor, id);
		for (String page : List.of(path, "/transport/", "/")) {
			freshOnBWithin(page, body -> body.contains("Ferry timetable revised"));
		}
		workflow.unpublish(editor, id, null);
		freshOnBWithin("/transport/", body -> !body.contains("Ferry timetable"));
		// An article that was public and is no longer answers 410 Gone.
		await().atMost(STALE_AT_MOST).untilAsserted(() -> assertThat(b.get(path).status()).isEqualTo(410));
	}

	@Test
	void aScheduledArticleAppearsWhenItsInstantComes() {
		cachedOnB("/", body -> !body.contains("Lighthouse relit"));
		var workflow = a.bean(ArticleWorkflow.class);
		long id = workflow.create(editor,
				new ArticleDraft(null, "Lighthouse relit", "Coast", List.of(AuthorProfile.named("Cy Lamp")),
						"Standfirst", "Body", null, List.of(), null, ArticleStatus.DRAFT, null, null, null));
		Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
		workflow.schedule(editor, id, at);
		// The workflow clock ticks every second: the change is made by then, and seen on
		// B 2 s later.
		await().atMost(Duration.between(Instant.now(), at).plusSeconds(1).plus(STALE_AT_MOST))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(b.get("/").response().body()).contains("Lighthouse relit"));
	}

	@Test
	void anApprovedCommentAndALikeReachTheArticlePage() {
		String path = publish("Quayside market", "City", "Dee Stall", "Markets");
		long id = id(path);
		cachedOnB(path, body -> !body.contains("Lovely market"));
		var comment = a.bean(Comments.class).add(id, "Reader", "Lovely market", CommentStatus.PENDING);
		a.bean(Moderation.class).apply(editor, Moderation.Action.APPROVE, List.of(comment.id()));
		freshOnBWithin(path, body -> body.contains("Lovely market"));
		String likes = b.get(path).html().select("#like").text();
		a.bean(Likes.class).like(id, Likes.newReader(), "192.0.2.7");
		freshOnBWithin(path, body -> !b.get(path).html().select("#like").text().equals(likes));
	}

	@Test
	void renamesAndProfileEditsReachEveryPageShowingTheName() {
		String path = publish("Tide tables", "Weather", "Eve Gale", "Tides");
		long sectionId = a.bean(Taxonomy.class).sectionBySlug("weather").orElseThrow().id();
		long tagId = a.bean(Taxonomy.class).tagBySlug("tides").orElseThrow().id();
		long authorId = a.bean(Authors.class).bySlug("eve-gale").orElseThrow().id();
		for (String page : List.of(path, "/weather/", "/tag/tides", "/author/eve-gale", "/")) {
			cachedOnB(page, body -> body.contains("Weather"));
		}
		// B keeps the section list in memory (for 10 minutes at most): the rename must
		// reach it
		// through the purge log, not by expiry.
		assertThat(b.bean(Taxonomy.class).sectionsByIds(List.of(sectionId)).get(sectionId).name()).isEqualTo("Weather");
		a.bean(Taxonomy.class).rename(editor, "section", sectionId, "Weather and Sea", false);
		await().atMost(STALE_AT_MOST)
			.untilAsserted(
					() -> assertThat(b.bean(Taxonomy.class).sectionsByIds(List.of(sectionId)).get(sectionId).name())
						.isEqualTo("Weather and Sea"));
		for (String page : List.of(path, "/weather/", "/")) {
			freshOnBWithin(page, body -> body.contains("Weather and Sea"));
		}
		a.bean(Taxonomy.class).rename(editor, "tag", tagId, "Tides and Currents", false);
		for (String page : List.of(path, "/tag/tides")) {
			freshOnBWithin(page, body -> body.contains("Tides and Currents"));
		}
		a.bean(Authors.class)
			.updateProfile(editor, authorId, "Sea correspondent", null, "Eve writes about the sea.", null, null);
		for (String page : List.of(path, "/author/eve-gale")) {
			freshOnBWithin(page, body -> body.contains("Eve writes about the sea."));
		}
	}

	@Test
	void readersWithACookieOrASessionAreNeverServedFromTheCache() {
		String path = publish("Pier repairs", "City", "Fay Plank", "Piers");
		cachedOnB(path, body -> body.contains("Pier repairs"));
		var withReader = b.get(path, "Cookie", "broadsheet_reader=" + Likes.newReader());
		assertThat(withReader.header("Cache-Control")).isEqualTo("private, no-cache");
		assertThat(b.get("/", "Cookie", "JSESSIONID=abc").header("Cache-Control")).doesNotContain("public");
	}

}
