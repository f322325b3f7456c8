package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.Trash;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestClock;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Corrections and the trash over real HTTP: an editor corrects a published article (the
 * page, its JSON-LD and the Content API show it dated; an edit keeps the date and the
 * history keeps the former text), deletes articles to the trash (their addresses answer
 * 410 Gone, briefly cacheable; a never-existing one 404), restores one as a draft, and
 * the purge deletes what stayed longer than the retention, its addresses still gone.
 */
class CorrectionsAndTrashTest {

	static final TestClock clock = new TestClock();

	static RunningSite site;

	static NewsroomBrowser editor;

	static final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void start() {
		site = RunningSite.start(TestDatabases.newDataFolder(), clock, "--broadsheet.site.time-zone=UTC");
		site.bean(Accounts.class)
			.create(SystemActor.CLI, "editor@news.test", "Eda Editor", Role.EDITOR, "correct horse battery");
		site.bean(Accounts.class)
			.create(SystemActor.CLI, "writer@news.test", "Wri Ter", Role.CONTRIBUTOR, "correct horse battery");
		editor = new NewsroomBrowser(site).signIn("editor@news.test", "correct horse battery");
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	static long publish(String title) {
		var saved = site.bean(ArticleWorkflow.class)
			.store(TestArticles.ACTOR,
					new ArticleDraft(null, title, "Politics", List.of(AuthorProfile.named("Staff")), "About " + title,
							"Body of " + title, null, List.of(), null, ArticleStatus.PUBLISHED,
							clock.instant().minus(1, ChronoUnit.HOURS), null, null));
		return saved.id();
	}

	static String path(long id) {
		return site.bean(org.broadsheet.article.PublishedArticles.class).publicById(id).orElseThrow().path();
	}

	static JsonNode jsonLd(String html) {
		return json.readTree(Jsoup.parse(html).selectFirst("script[type=application/ld+json]").data());
	}

	@Test
	void anEditorCorrectsAPublishedArticleDatedOnThePageInJsonLdAndInTheApi() {
		long id = publish("Budget figures");
		String path = path(id);
		clock.advance(Duration.ofMinutes(5));
		Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		var added = editor.post("/newsroom/articles/" + id + "/corrections", Map.of("kind", "correction", "placement",
				"top", "text", "An earlier version gave the deficit as 3% <script>alert(1)</script>."));
		assertThat(added.statusCode()).isEqualTo(302);
		assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith("/corrections?added");
		Instant after = clock.instant();

		var page = site.get(path);
		assertThat(page.status()).isEqualTo(200);
		var shown = page.html().selectFirst(".corrections-top .correction");
		assertThat(shown.select(".correction-kind").text()).isEqualTo("Correction");
		assertThat(shown.select(".correction-text").text()).contains("3% <script>alert(1)</script>.");
		assertThat(page.html().select("article script")).isEmpty();
		Instant correctedAt = Instant.parse(shown.selectFirst("time").attr("datetime"));
		assertThat(correctedAt).isBetween(before, after);
		var ld = jsonLd(page.response().body());
		assertThat(ld.get("correction").get(0).get("@type").asString()).isEqualTo("CorrectionComment");
		assertThat(ld.get("correction").get(0).get("text").asString()).startsWith("An earlier version");
		assertThat(ld.get("correction").get(0).get("datePublished").asString()).isEqualTo(correctedAt.toString());
		assertThat(Instant.parse(ld.get("dateModified").asString()))
			.isAfterOrEqualTo(correctedAt.truncatedTo(ChronoUnit.MILLIS));

		// An editor's note at the foot; then the correction is edited: still dated when
		// added, marked edited, and the history keeps the former text.
		editor.post("/newsroom/articles/" + id + "/corrections",
				Map.of("kind", "editors-note", "placement", "foot", "text", "Updated with the minister's reply."));
		var newsroom = Jsoup.parse(editor.get("/newsroom/articles/" + id + "/corrections").body());
		String firstAction = newsroom.select("form.correction-form").get(0).attr("action");
		clock.advance(Duration.ofDays(1));
		var edited = editor.post(firstAction,
				Map.of("kind", "correction", "placement", "top", "text", "An earlier version gave the deficit as 3%."));
		assertThat(edited.statusCode()).isEqualTo(302);
		page = site.get(path);
		assertThat(page.html().select(".corrections-foot .correction-editors-note .correction-text").text())
			.isEqualTo("Updated with the minister's reply.");
		assertThat(page.html().select(".corrections-top .correction-edited").text()).startsWith("edited");
		assertThat(page.html().selectFirst(".corrections-top time").attr("datetime")).isEqualTo(correctedAt.toString());
		var history = Jsoup.parse(editor.get("/newsroom/articles/" + id).body()).select(".audit li").text();
		assertThat(history).contains("corrected", "correction-edited", "3% <script>");

		var api = json.readTree(site.get("/api/content/v1/articles/" + id).response().body());
		assertThat(api.get("corrections")).hasSize(2);
		assertThat(api.get("corrections").get(0).get("kind").asString()).isEqualTo("correction");
		assertThat(api.get("corrections").get(0).get("editedAt")).isNotNull();
		assertThat(api.get("corrections").get(1).get("placement").asString()).isEqualTo("foot");

		// Refused: blank text (the form comes back, field named), a draft, a contributor.
		var blank = editor.post("/newsroom/articles/" + id + "/corrections",
				Map.of("kind", "correction", "placement", "top", "text", "  "));
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(blank.body()).select("#text-new-error").text()).isEqualTo("must not be empty");
		long draft = site.bean(ArticleWorkflow.class)
			.create(TestArticles.ACTOR,
					new ArticleDraft(null, "Draft", "Politics", List.of(AuthorProfile.named("Staff")), null, "Body",
							null, List.of(), null, null, null, null, null));
		assertThat(editor
			.post("/newsroom/articles/" + draft + "/corrections",
					Map.of("kind", "correction", "placement", "top", "text", "No."))
			.statusCode()).isEqualTo(400);
		var writer = new NewsroomBrowser(site).signIn("writer@news.test", "correct horse battery");
		assertThat(writer
			.post("/newsroom/articles/" + id + "/corrections",
					Map.of("kind", "correction", "placement", "top", "text", "Mine."))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void deletedAndUnpublishedArticlesAreGoneARestoredOneIsADraftThePurgeKeepsTheAddressGone() {
		long trashed = publish("Trashed story");
		String trashedPath = path(trashed);
		long unpublished = publish("Withdrawn story");
		String unpublishedPath = path(unpublished);
		assertThat(site.get(trashedPath).status()).isEqualTo(200);

		var deleted = editor.post("/newsroom/articles/" + trashed + "/delete", Map.of());
		assertThat(deleted.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/trash?deleted");
		var gone = site.get(trashedPath);
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.header("Cache-Control")).contains("public").contains("s-maxage=300");
		assertThat(gone.html().select("h1").text()).isEqualTo("This article has been removed");
		assertThat(site.get("/politics/never-was-here").status()).isEqualTo(404);
		site.bean(ArticleWorkflow.class).unpublish(TestArticles.ACTOR, unpublished, null);
		assertThat(site.get(unpublishedPath).status()).isEqualTo(410);

		// The trash lists it; the newsroom's list and editor do not have it any more.
		var trash = Jsoup.parse(editor.get("/newsroom/trash").body());
		assertThat(trash.select(".trash-table td").text()).contains("Trashed story");
		assertThat(Jsoup.parse(editor.get("/newsroom").body()).select(".article-table").text())
			.doesNotContain("Trashed story");
		assertThat(editor.get("/newsroom/articles/" + trashed).statusCode()).isEqualTo(404);
		assertThat(editor.post("/newsroom/articles/" + trashed + "/publish", Map.of()).statusCode()).isEqualTo(404);

		// Restored: a draft again, in the newsroom, still not on the site.
		var restored = editor.post("/newsroom/trash/" + trashed + "/restore", Map.of());
		assertThat(restored.headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom/articles/" + trashed + "?restoredFromTrash");
		assertThat(Jsoup.parse(editor.get("/newsroom/articles/" + trashed).body()).select(".workflow-state").text())
			.contains("Draft");
		assertThat(site.get(trashedPath).status()).isEqualTo(410);

		// Deleted again and purged after the retention (30 days) by the job: the address
		// stays gone, its old slug too.
		var workflow = site.bean(ArticleWorkflow.class);
		workflow.publish(TestArticles.ACTOR, trashed);
		var renamed = new ArticleDraft("renamed-story", "Trashed story", "Politics",
				List.of(AuthorProfile.named("Staff")), null, "Body", null, List.of(), null, null, null, null, null);
		TestArticles.republish(workflow, trashed, renamed);
		assertThat(site.get(trashedPath).status()).isEqualTo(301);
		workflow.delete(TestArticles.ACTOR, trashed);
		assertThat(site.get(trashedPath).status()).isEqualTo(410);
		var trashService = site.bean(Trash.class);
		assertThat(trashService.purgeDue()).isZero();
		clock.advance(Duration.ofDays(31));
		assertThat(trashService.purgeDue()).isEqualTo(1);
		assertThat(Jsoup.parse(editor.get("/newsroom/trash").body()).select(".trash-table")).isEmpty();
		assertThat(site.get(trashedPath).status()).isEqualTo(410);
		assertThat(site.get("/politics/renamed-story").status()).isEqualTo(410);

		// Deleted permanently from the trash by an editor.
		long another = publish("Another story");
		String anotherPath = path(another);
		workflow.delete(TestArticles.ACTOR, another);
		var purged = editor.post("/newsroom/trash/" + another + "/delete", Map.of());
		assertThat(purged.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/trash?purged");
		assertThat(site.get(anotherPath).status()).isEqualTo(410);
		assertThat(editor.post("/newsroom/trash/" + another + "/restore", Map.of()).statusCode()).isEqualTo(404);
	}

}
