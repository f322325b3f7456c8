package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The editorial desk through HTTP: send back with a note, internal notes (escaped, never
 * on readers' pages or in feeds), front-page flags, who did each step, refusals with the
 * field marked.
 */
class EditorialDeskTest {

	static final String PASSWORD = "correct horse battery";

	static RunningSite site;

	@BeforeAll
	static void start() {
		site = RunningSite.start(TestDatabases.newDataFolder(), "--broadsheet.site.time-zone=UTC");
		var accounts = site.bean(Accounts.class);
		accounts.create(SystemActor.CLI, "cy@news.test", "Cy Contributor", Role.CONTRIBUTOR, PASSWORD);
		accounts.create(SystemActor.CLI, "eda@news.test", "Eda Editor", Role.EDITOR, PASSWORD);
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	static NewsroomBrowser as(String email) {
		return new NewsroomBrowser(site).signIn(email, PASSWORD);
	}

	static Map<String, String> form(String title) {
		var form = new LinkedHashMap<String, String>();
		form.put("title", title);
		form.put("section", "Desk");
		form.put("authors", "Cy Contributor");
		form.put("summary", "A standfirst");
		form.put("body", "A body.");
		return form;
	}

	static long create(NewsroomBrowser browser, String title) {
		var created = browser.post("/newsroom/articles", form(title));
		String location = created.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.replaceAll(".*/articles/(\\d+).*", "$1"));
	}

	@Test
	void sendBackNotesFlagsAndHistoryWorkInTheNewsroom() {
		var cy = as("cy@news.test");
		var eda = as("eda@news.test");
		long id = create(cy, "Desk over HTTP");
		String path = "/newsroom/articles/" + id;
		// Not in review yet: no send-back form, and the action is refused with 400.
		assertThat(Jsoup.parse(eda.get(path).body()).select("form.send-back")).isEmpty();
		assertThat(eda.post(path + "/send-back", Map.of("note", "Too early")).statusCode()).isEqualTo(400);
		cy.post(path + "/submit", Map.of());
		assertThat(Jsoup.parse(cy.get(path).body()).select("form.send-back")).isEmpty();
		assertThat(cy.post(path + "/send-back", Map.of("note", "Myself")).statusCode()).isEqualTo(403);

		var blank = eda.post(path + "/send-back", Map.of("note", " "));
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(blank.body()).selectFirst("#send-back-note").attr("aria-invalid")).isEqualTo("true");

		assertThat(eda.post(path + "/send-back", Map.of("note", "Needs a <b>second</b> source")).statusCode())
			.isEqualTo(302);
		var draft = Jsoup.parse(cy.get(path).body());
		assertThat(draft.selectFirst(".sent-back").text()).contains("Sent back by Eda Editor")
			.contains("Needs a <b>second</b> source");
		assertThat(draft.select(".sent-back b")).isEmpty();
		var list = Jsoup.parse(cy.get("/newsroom").body());
		assertThat(list.selectFirst(".sent-back-note").text())
			.isEqualTo("Sent back by Eda Editor: Needs a <b>second</b> source");

		var blankNote = cy.post(path + "/notes", Map.of("note", ""));
		assertThat(blankNote.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(blankNote.body()).selectFirst("#note-text").attr("aria-invalid")).isEqualTo("true");
		assertThat(cy.post(path + "/notes", Map.of("note", "<script>alert(1)</script> found one")).statusCode())
			.isEqualTo(302);
		var notes = Jsoup.parse(eda.get(path).body()).select(".notes li");
		assertThat(notes).extracting(n -> n.selectFirst(".note-meta strong").text())
			.containsExactly("Eda Editor", "Cy Contributor");
		assertThat(notes.get(1).selectFirst(".note-text").text()).isEqualTo("<script>alert(1)</script> found one");
		assertThat(notes.select("script")).isEmpty();

		// A contributor may not flag; the editor pins it and flags it breaking.
		assertThat(Jsoup.parse(cy.get(path).body()).select(".front-flags")).isEmpty();
		assertThat(cy.post(path + "/flags", Map.of("pinned", "on")).statusCode()).isEqualTo(403);
		cy.post(path + "/submit", Map.of());
		assertThat(eda.post(path + "/flags", Map.of("pinned", "on", "breaking", "on")).statusCode()).isEqualTo(302);
		eda.post(path + "/publish", Map.of());
		var page = Jsoup.parse(eda.get(path).body());
		assertThat(page.selectFirst("#pinned").hasAttr("checked")).isTrue();
		assertThat(page.selectFirst("#breaking").hasAttr("checked")).isTrue();
		assertThat(page.select(".audit li"))
			.extracting(li -> li.selectFirst(".who").text() + ": " + li.selectFirst(".action").text())
			.containsExactly("Cy Contributor: Created", "Cy Contributor: Submitted for review",
					"Eda Editor: Sent back to the writer", "Cy Contributor: Added a note",
					"Cy Contributor: Submitted for review", "Eda Editor: Changed the front page flags",
					"Eda Editor: Published");

		// Readers see the banner and the label, never the notes.
		var front = Jsoup.parse(site.get("/").response().body());
		assertThat(front.selectFirst(".breaking-banner").text()).contains("Breaking").contains("Desk over HTTP");
		assertThat(front.select(".teaser .breaking-label")).hasSize(1);
		String article = site.get("/desk/desk-over-http").response().body();
		assertThat(article).doesNotContain("found one").doesNotContain("second</b> source");
		assertThat(site.get("/feed/rss").response().body()).doesNotContain("found one");

		// The Content API carries the flags (and never the notes).
		String api = site.get("/api/content/v1/articles/" + id).response().body();
		assertThat(api).contains("\"pinned\":true", "\"breaking\":true").doesNotContain("found one");

		// Unflagged: the front page follows at once (evicted).
		eda.post(path + "/flags", Map.of());
		assertThat(Jsoup.parse(site.get("/").response().body()).select(".breaking-banner")).isEmpty();
		assertThat(site.get("/api/content/v1/articles/" + id).response().body()).doesNotContain("breaking");
	}

	@Test
	void theScheduledStepIsTheSchedulersAndComparingShowsEveryChangedField() {
		var eda = as("eda@news.test");
		long id = create(eda, "Compared");
		String path = "/newsroom/articles/" + id;
		var changed = form("Compared again");
		changed.put("section", "Elsewhere");
		changed.put("tags", "Harbour, Ships");
		changed.put("language", "fr");
		changed.put("syndicationPublication", "Wire");
		eda.post(path, changed);
		var revisions = Jsoup.parse(eda.get(path).body()).select(".revisions li");
		assertThat(revisions.get(0).selectFirst(".who").text()).isEqualTo("Eda Editor");
		String compare = revisions.get(1).selectFirst("a[href*=compare]").attr("href");
		var diff = Jsoup.parse(eda.get(compare).body());
		assertThat(diff.select(".diff h2").eachText()).contains("Headline", "Section", "Tags", "Language",
				"First published in");
		assertThat(diff.selectFirst(".unchanged-fields").text()).startsWith("Unchanged: ")
			.contains("Byline", "Standfirst", "Body", "Lead image credit");
	}

}
