package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.broadsheet.account.Accounts;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.NewsroomAuditEntry;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.author.Authors;
import org.broadsheet.changelog.Change;
import org.broadsheet.changelog.ChangeLog;
import org.broadsheet.search.Search;
import org.broadsheet.shared.LoggedChange.Subject;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestClock;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.taxonomy.Taxonomy;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The editorial workflow through HTTP: who may do what, revisions, live and latest,
 * scheduling.
 */
class WorkflowTest {

	static final String PASSWORD = "correct horse battery";

	static RunningSite site;

	/**
	 * The site's time: tests advance it past a scheduled instant instead of waiting for
	 * it.
	 */
	static final TestClock clock = new TestClock();

	@BeforeAll
	static void start() {
		Path data = TestDatabases.newDataFolder();
		site = RunningSite.start(data, clock, "--broadsheet.site.time-zone=UTC");
		var accounts = site.bean(Accounts.class);
		for (Role role : Role.values()) {
			accounts.create(SystemActor.CLI, role.name().toLowerCase() + "@news.test", role.name(), role, PASSWORD);
		}
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	static NewsroomBrowser as(String role) {
		return new NewsroomBrowser(site).signIn(role + "@news.test", PASSWORD);
	}

	static Map<String, String> form(String title) {
		var form = new LinkedHashMap<String, String>();
		form.put("title", title);
		form.put("section", "Opinion");
		form.put("authors", "Writer One, Writer Two");
		form.put("summary", "Standfirst of " + title);
		form.put("body", "First paragraph of " + title + ".\n\nSecond paragraph.");
		form.put("tags", "Workflow, Tests");
		return form;
	}

	/**
	 * @return the new article's id, created by {@code browser}
	 */
	static long create(NewsroomBrowser browser, String title) {
		var response = browser.post("/newsroom/articles", form(title));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		String location = response.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.replaceAll(".*/newsroom/articles/(\\d+).*", "$1"));
	}

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource(textBlock = """
			contributor,   edit own draft,      302
			contributor,   edit other's,        403
			contributor,   submit own,          302
			contributor,   publish own,         403
			contributor,   publish other's,     403
			contributor,   unpublish other's,   403
			contributor,   schedule own,        403
			author,        edit own draft,      302
			author,        edit other's,        403
			author,        submit own,          302
			author,        publish own,         302
			author,        publish other's,     403
			author,        unpublish other's,   403
			author,        schedule own,        302
			editor,        edit other's,        302
			editor,        publish other's,     302
			editor,        unpublish other's,   302
			editor,        schedule own,        302
			administrator, edit other's,        302
			administrator, publish other's,     302
			administrator, unpublish other's,   302
			""")
	void roleMatrix(String role, String action, int expected) {
		var owner = as("editor");
		long others = create(owner, "Owned by the editor " + role + " " + action);
		assertThat(owner.post("/newsroom/articles/" + others + "/publish", Map.of()).statusCode()).isEqualTo(302);
		var browser = as(role);
		long own = create(browser, "Owned by the " + role + " " + action);
		String future = inSiteTime(Duration.ofDays(1)).truncatedTo(ChronoUnit.MINUTES).toString();
		var response = switch (action) {
			case "edit own draft" -> browser.post("/newsroom/articles/" + own, form("Edited " + role));
			case "edit other's" -> browser.post("/newsroom/articles/" + others, form("Edited by " + role));
			case "submit own" -> browser.post("/newsroom/articles/" + own + "/submit", Map.of());
			case "publish own" -> browser.post("/newsroom/articles/" + own + "/publish", Map.of());
			case "publish other's" -> browser.post("/newsroom/articles/" + others + "/publish", Map.of());
			case "unpublish other's" -> browser.post("/newsroom/articles/" + others + "/unpublish", Map.of());
			case "schedule own" -> browser.post("/newsroom/articles/" + own + "/schedule", Map.of("at", future));
			default -> throw new IllegalArgumentException(action);
		};
		assertThat(response.statusCode()).as(role + " " + action).isEqualTo(expected);
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() {
		var anonymous = new NewsroomBrowser(site);
		for (String path : List.of("/newsroom/articles/new", "/newsroom/articles/1")) {
			assertThat(anonymous.get(path).statusCode()).isEqualTo(302);
		}
		assertThat(anonymous.post("/newsroom/articles", form("Anonymous")).statusCode()).isEqualTo(302);
	}

	@Test
	void badInputComesBackAsTypedWithTheFieldNamed() {
		var editor = as("editor");
		var form = form("");
		form.put("body", "Kept as typed");
		var response = editor.post("/newsroom/articles", form);
		assertThat(response.statusCode()).isEqualTo(400);
		var page = Jsoup.parse(response.body());
		assertThat(page.selectFirst(".notice.error").text()).startsWith("title:");
		assertThat(page.selectFirst("textarea[name=body]").text()).isEqualTo("Kept as typed");
		form.put("title", "Has a title");
		form.put("syndicationUrl", "javascript:alert(1)");
		var bad = editor.post("/newsroom/articles", form);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(bad.body()).selectFirst(".notice.error").text()).startsWith("syndication.url:");
	}

	@Test
	void revisionsCompareAndRestore() {
		var editor = as("editor");
		long id = create(editor, "Revision one");
		editor.post("/newsroom/articles/" + id, form("Revision two"));
		var third = form("Revision three");
		third.put("body", "A new first paragraph.\n\nSecond paragraph.");
		editor.post("/newsroom/articles/" + id, third);

		var page = Jsoup.parse(editor.get("/newsroom/articles/" + id).body());
		var compareLinks = page.select(".revisions a[href*=compare]").eachAttr("href");
		assertThat(compareLinks).hasSize(2);
		String oldest = compareLinks.get(1);
		var diff = Jsoup.parse(editor.get(oldest).body());
		assertThat(diff.select(".diff-removed").eachText()).contains("Revision one",
				"First paragraph of Revision one.");
		assertThat(diff.select(".diff-added").eachText()).contains("Revision three", "A new first paragraph.");
		assertThat(diff.select(".diff-same").eachText()).contains("Second paragraph.");

		String restore = page.select(".revisions form[action*=restore]").last().attr("action");
		assertThat(editor.post(restore, Map.of()).statusCode()).isEqualTo(302);
		var restored = Jsoup.parse(editor.get("/newsroom/articles/" + id).body());
		assertThat(restored.selectFirst("input[name=title]").val()).isEqualTo("Revision one");
		assertThat(restored.select(".revisions li")).hasSize(4);
	}

	/**
	 * The page without the comment and like forms' per-response tokens (CSRF, form
	 * timing).
	 */
	private static String publicPart(RunningSite.Page page) {
		// Without the related list: the index follower may rewrite it at any moment (a
		// refit of the latent model), which is not the edit under test.
		return page.response()
			.body()
			.replaceAll("(?s)<aside class=\"related\".*?</aside>", "")
			.replaceAll("(name=\"(?:_csrf|token)\" value=\")[^\"]*\"", "$1\"");
	}

	/**
	 * A revision of a live article is checked when saved, not first when it is to go
	 * live.
	 */
	@Test
	void aPublishedArticlesRevisionIsCheckedWhenSaved() {
		var editor = as("editor");
		long id = create(editor, "Checked while live");
		editor.post("/newsroom/articles/" + id + "/publish", Map.of());
		var untitled = form("Checked while live");
		untitled.put("title", " ");
		var refused = editor.post("/newsroom/articles/" + id, untitled);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("#title").attr("aria-invalid")).isEqualTo("true");
		var account = site.bean(Accounts.class).byEmail("editor@news.test").orElseThrow();
		assertThat(site.bean(ArticleWorkflow.class).editing(account, id).unpublishedChanges()).isFalse();
	}

	@Test
	void editingAPublishedArticleChangesNothingPublicUntilPublishChanges() {
		var editor = as("editor");
		// Words and tags no other test uses, so that no other article becomes related
		// meanwhile.
		var original = form("Live and latest");
		original.put("section", "Isolated");
		original.put("tags", "Quokka");
		original.put("authors", "Quentin Solitary");
		original.put("body", "Zebu yak gnu okapi.");
		var created = editor.post("/newsroom/articles", original);
		long id = Long
			.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/(\\d+).*", "$1"));
		editor.post("/newsroom/articles/" + id + "/publish", Map.of());
		String path = site.bean(PublishedArticles.class).publishedByIds(List.of(id)).get(0).path();
		// The search index follows on its own thread (related articles come from it):
		// wait until
		// it has applied the publication.
		long published = site.bean(ChangeLog.class).latestSeq(Subject.ARTICLE);
		await().atMost(Duration.ofSeconds(10)).until(() -> site.bean(Search.class).appliedSeq() >= published);
		String before = publicPart(site.get(path));

		var changed = new LinkedHashMap<>(original);
		changed.put("title", "Live and latest, revised");
		changed.put("slug", "live-and-latest");
		editor.post("/newsroom/articles/" + id, changed);
		assertThat(publicPart(site.get(path))).isEqualTo(before);
		assertThat(Jsoup.parse(editor.get("/newsroom/articles/" + id).body()).selectFirst(".pending")).isNotNull();

		editor.post("/newsroom/articles/" + id + "/publish", Map.of());
		var after = site.get(path).html();
		assertThat(after.selectFirst("h1").text()).isEqualTo("Live and latest, revised");
		assertThat(after.selectFirst(".updated")).isNotNull();
	}

	/**
	 * @return the site's time {@code ahead} from now, whole seconds, as the schedule form
	 * takes it (UTC)
	 */
	private static LocalDateTime inSiteTime(Duration ahead) {
		return LocalDateTime.ofInstant(clock.instant().plus(ahead), ZoneOffset.UTC).withNano(0);
	}

	@Test
	void aScheduledArticlePublishesItselfOnce() {
		var author = as("author");
		long id = create(author, "Scheduled by itself");
		String soon = inSiteTime(Duration.ofMinutes(2)).toString();
		assertThat(author.post("/newsroom/articles/" + id + "/schedule", Map.of("at", soon)).statusCode())
			.isEqualTo(302);
		var articles = site.bean(PublishedArticles.class);
		assertThat(articles.teasers(List.of(id))).isEmpty();
		clock.advance(Duration.ofMinutes(3));
		// Nobody visits the site: the scheduler alone publishes it.
		var published = await().atMost(Duration.ofSeconds(10))
			.until(() -> articles.teasers(List.of(id)), list -> !list.isEmpty());
		assertThat(published).singleElement().satisfies(t -> assertThat(t.title()).isEqualTo("Scheduled by itself"));
		assertThat(site.get("/").html().select(".teaser-title a").eachText()).contains("Scheduled by itself");
	}

	@Test
	void dueArticlesChangeExactlyOnceWhenSeveralNodesPoll() throws Exception {
		var author = as("author");
		long id = create(author, "Raced by two nodes");
		String soon = inSiteTime(Duration.ofMinutes(1)).toString();
		author.post("/newsroom/articles/" + id + "/schedule", Map.of("at", soon));
		var workflow = site.bean(ArticleWorkflow.class);
		clock.advance(Duration.ofMinutes(2));
		var first = CompletableFuture.supplyAsync(workflow::runDue);
		var second = CompletableFuture.supplyAsync(workflow::runDue);
		int changed = first.get() + second.get();
		assertThat(changed).isLessThanOrEqualTo(1);
		assertThat(site.bean(PublishedArticles.class).teasers(List.of(id))).hasSize(1);
		// Whichever ran first (these two or the background poller), it went live exactly
		// once.
		var editor = site.bean(Accounts.class).byEmail("editor@news.test").orElseThrow();
		assertThat(workflow.editing(editor, id).audit()).filteredOn(entry -> entry.action().equals("published"))
			.singleElement()
			.satisfies(entry -> assertThat(entry.detail()).isEqualTo("scheduled"));
	}

	@Test
	void previewShowsTheExactReaderPageOnlyToThoseWhoMayEdit() {
		var author = as("author");
		long id = create(author, "Previewed before publishing");
		var preview = author.get("/newsroom/articles/" + id + "/preview");
		assertThat(preview.statusCode()).isEqualTo(200);
		var page = Jsoup.parse(preview.body());
		assertThat(page.selectFirst("h1.headline").text()).isEqualTo("Previewed before publishing");
		assertThat(page.select(".article-body p").eachText()).contains("Second paragraph.");
		assertThat(page.selectFirst(".byline .authors").text()).isEqualTo("Writer One and Writer Two");
		assertThat(as("contributor").get("/newsroom/articles/" + id + "/preview").statusCode()).isEqualTo(403);
		assertThat(site.get("/opinion/previewed-before-publishing").status()).isEqualTo(404);
	}

	@Test
	void livePreviewRendersSanitizedMarkdown() {
		var response = as("contributor").post("/newsroom/markdown",
				Map.of("markdown", "**Bold** <script>alert(1)</script> <img src=x onerror=alert(1)>"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("<strong>Bold</strong>").doesNotContain("<script", "onerror");
	}

	@Test
	void autosaveKeepsDraftsAndLeavesLiveArticlesToSave() {
		var author = as("author");
		long id = create(author, "Autosaved draft");
		var saved = author.post("/newsroom/articles/" + id + "/autosave", form("Autosaved draft, second version"));
		assertThat(saved.statusCode()).isEqualTo(204);
		var page = Jsoup.parse(author.get("/newsroom/articles/" + id).body());
		assertThat(page.selectFirst("input[name=title]").val()).isEqualTo("Autosaved draft, second version");
		assertThat(page.selectFirst(".word-count").text()).isEqualTo("9 words · 1 min read");
		author.post("/newsroom/articles/" + id + "/publish", Map.of());
		var live = author.post("/newsroom/articles/" + id + "/autosave", form("Not automatically"));
		assertThat(live.statusCode()).isEqualTo(409);
	}

	@Test
	void editorsKeepAuthorProfilesSectionsAndTags() {
		var editor = as("editor");
		long id = create(editor, "Profiled authors");
		editor.post("/newsroom/articles/" + id + "/publish", Map.of());
		var author = site.bean(Authors.class).bySlug("writer-one").orElseThrow();
		var profile = Map.of("title", "Senior fellow", "affiliation", "An Institute", "bio", "Writer One writes.",
				"links", "https://writer-one.example/\nhttps://social.example/@one");
		assertThat(as("contributor").post("/newsroom/authors/" + author.id(), profile).statusCode()).isEqualTo(403);
		assertThat(editor.post("/newsroom/authors/" + author.id(), profile).statusCode()).isEqualTo(302);
		var page = site.get("/author/writer-one").html();
		assertThat(page.selectFirst(".profile-role").text()).isEqualTo("Senior fellow, An Institute");
		assertThat(page.select(".profile-links a").eachAttr("href")).containsExactly("https://writer-one.example/",
				"https://social.example/@one");
		var bad = editor.post("/newsroom/authors/" + author.id(), Map.of("links", "javascript:alert(1)"));
		assertThat(bad.statusCode()).isEqualTo(400);
		var refused = Jsoup.parse(bad.body());
		assertThat(refused.selectFirst(".notice").text()).startsWith("links:");
		// Beside its input too, in that author's form only.
		assertThat(refused.selectFirst("#links-" + author.id()).attr("aria-invalid")).isEqualTo("true");
		assertThat(refused.selectFirst("#links-" + author.id()).attr("aria-describedby"))
			.isEqualTo("links-" + author.id() + "-error");
		assertThat(refused.selectFirst("#links-" + author.id() + "-error").text()).contains("javascript:alert(1)");
		assertThat(refused.selectFirst("#bio-" + author.id()).attr("aria-invalid")).isEqualTo("false");
		long editorId = site.bean(Accounts.class).byEmail("editor@news.test").orElseThrow().id();
		// One entry for the one edit made; the refused ones (403, 400) left none.
		assertThat(audited(NewsroomAudit.AUTHOR, author.id()))
			.containsExactly(new Audited(editorId, "EDITOR", "profile-edited", null));

		var section = site.bean(Taxonomy.class).sectionBySlug("opinion").orElseThrow();
		assertThat(editor.post("/newsroom/sections/" + section.id(), Map.of("name", "Comment", "opinion", "true"))
			.statusCode()).isEqualTo(302);
		assertThat(site.get("/opinion/").html().selectFirst("h1").text()).isEqualTo("Comment");
		assertThat(as("author").post("/newsroom/sections/" + section.id(), Map.of("name", "Mine")).statusCode())
			.isEqualTo(403);
		var blank = Jsoup.parse(editor.post("/newsroom/sections/" + section.id(), Map.of("name", " ")).body());
		assertThat(blank.selectFirst("#section-name-" + section.id()).attr("aria-invalid")).isEqualTo("true");
		assertThat(blank.selectFirst("#section-name-" + section.id() + "-error").text()).isNotBlank();
		assertThat(audited(NewsroomAudit.SECTION, section.id()))
			.containsExactly(new Audited(editorId, "EDITOR", "renamed", "Opinion"));
		// The same form makes the section a fediverse actor of its own, and back.
		assertThat(editor
			.post("/newsroom/sections/" + section.id(),
					Map.of("name", "Comment", "opinion", "true", "fediverse", "true"))
			.statusCode()).isEqualTo(302);
		assertThat(site.bean(Taxonomy.class).sectionBySlug("opinion").orElseThrow().fediverse()).isTrue();
		assertThat(Jsoup.parse(editor.get("/newsroom/authors").body())
			.selectFirst("form[action=/newsroom/sections/" + section.id() + "] input[name=fediverse]")
			.hasAttr("checked")).isTrue();
		editor.post("/newsroom/sections/" + section.id(), Map.of("name", "Comment", "opinion", "true"));
		assertThat(site.bean(Taxonomy.class).sectionBySlug("opinion").orElseThrow().fediverse()).isFalse();
		assertThat(audited(NewsroomAudit.SECTION, section.id())).extracting(Audited::action)
			.containsExactly("renamed", "fediverse on", "renamed", "fediverse off", "renamed");

		var tag = site.bean(Taxonomy.class).tagBySlug("workflow").orElseThrow();
		assertThat(as("administrator").post("/newsroom/tags/" + tag.id(), Map.of("name", "Work flow")).statusCode())
			.isEqualTo(302);
		long administratorId = site.bean(Accounts.class).byEmail("administrator@news.test").orElseThrow().id();
		assertThat(audited(NewsroomAudit.TAG, tag.id()))
			.containsExactly(new Audited(administratorId, "ADMINISTRATOR", "renamed", "Workflow"));
	}

	/** An audit entry without its instant. */
	record Audited(Long accountId, String who, String action, String detail) {
	}

	static List<Audited> audited(String subject, long id) {
		return site.bean(NewsroomAudit.class)
			.trail(subject, id)
			.stream()
			.map(e -> new Audited(e.accountId(), e.who(), e.action(), e.detail()))
			.toList();
	}

	@Test
	void administratorsIssueAndRevokeApiKeysInTheNewsroom() {
		assertThat(as("editor").get("/newsroom/api-keys").statusCode()).isEqualTo(403);
		var admin = as("administrator");
		var issued = admin.post("/newsroom/api-keys",
				Map.of("name", "Print system", "account", "author@news.test", "role", "editor"));
		assertThat(issued.statusCode()).isEqualTo(200);
		String secret = Jsoup.parse(issued.body()).selectFirst("code.secret").text();
		assertThat(secret).startsWith("bsk_").hasSize(47);
		// The key works once and acts as its account's role (author), not above it.
		var api = HttpRequest.newBuilder(URI.create(site.url("/api/admin/v1/articles")))
			.header("Authorization", "Bearer " + secret)
			.build();
		assertThat(RunningSite.send(HttpClient.newHttpClient(), api).statusCode()).isEqualTo(200);
		var listed = Jsoup.parse(admin.get("/newsroom/api-keys").body());
		assertThat(listed.select("td").eachText()).contains("Print system", secret.substring(0, 8) + "…");
		assertThat(listed.text()).doesNotContain(secret);
		var refused = admin.post("/newsroom/api-keys",
				Map.of("name", "", "account", "author@news.test", "role", "editor"));
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst("#name").attr("aria-invalid")).isEqualTo("true");

		String revoke = listed.select("form[action$=/revoke]").first().attr("action");
		assertThat(admin.post(revoke, Map.of()).statusCode()).isEqualTo(302);
		assertThat(RunningSite.send(HttpClient.newHttpClient(), api).statusCode()).isEqualTo(401);
		long keyId = Long.parseLong(revoke.replaceAll("\\D", ""));
		assertThat(audited(NewsroomAudit.API_KEY, keyId)).extracting(Audited::action)
			.containsExactly("issued", "revoked");

		var content = admin.post("/newsroom/content-keys", Map.of("name", "Mobile app"));
		String contentSecret = Jsoup.parse(content.body()).selectFirst("code.secret").text();
		assertThat(contentSecret).startsWith("bsc_");
		assertThat(site.get("/api/content/v1/articles?key=" + contentSecret).status()).isEqualTo(200);
		var unnamed = Jsoup.parse(admin.post("/newsroom/content-keys", Map.of("name", " ")).body());
		assertThat(unnamed.selectFirst("#content-name").attr("aria-invalid")).isEqualTo("true");
		String revokeContent = unnamed.select("form[action^=/newsroom/content-keys/]").first().attr("action");
		assertThat(admin.post(revokeContent, Map.of()).statusCode()).isEqualTo(302);
		assertThat(site.get("/api/content/v1/articles?key=" + contentSecret).status()).isEqualTo(401);
	}

	@Test
	void onlyAdministratorsManageAccounts() {
		var account = Map.of("email", "new@news.test", "name", "New", "role", "author", "password", "long enough pass");
		assertThat(as("editor").get("/newsroom/users").statusCode()).isEqualTo(403);
		assertThat(as("editor").post("/newsroom/users", account).statusCode()).isEqualTo(403);
		var admin = as("administrator");
		// Audited at the site's clock (the test's, ahead of the system's once a test
		// advanced it).
		Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		assertThat(admin.post("/newsroom/users", account).statusCode()).isEqualTo(302);
		Instant after = clock.instant();
		assertThat(Jsoup.parse(admin.get("/newsroom/users").body()).select("td").eachText()).contains("new@news.test");
		var duplicate = admin.post("/newsroom/users", account);
		assertThat(duplicate.statusCode()).isEqualTo(400);
		var refused = Jsoup.parse(duplicate.body());
		assertThat(refused.selectFirst(".notice").text()).startsWith("email:");
		// Beside its input, with what was typed kept (but never the password).
		assertThat(refused.selectFirst("#email").attr("aria-invalid")).isEqualTo("true");
		assertThat(refused.selectFirst("#email-error").text()).contains("exists already");
		assertThat(refused.selectFirst("#email").attr("value")).isEqualTo("new@news.test");
		assertThat(refused.selectFirst("#name").attr("value")).isEqualTo("New");
		assertThat(refused.selectFirst("#role option[selected]").attr("value")).isEqualTo("author");
		assertThat(refused.selectFirst("#password").attr("value")).isEmpty();
		var shortPassword = admin.post("/newsroom/users",
				Map.of("email", "other@news.test", "name", "Other", "role", "author", "password", "short"));
		assertThat(Jsoup.parse(shortPassword.body()).selectFirst("#password").attr("aria-invalid")).isEqualTo("true");
		new NewsroomBrowser(site).signIn("new@news.test", "long enough pass");

		var accounts = site.bean(Accounts.class);
		var created = accounts.byEmail("new@news.test").orElseThrow();
		long administratorId = accounts.byEmail("administrator@news.test").orElseThrow().id();
		// The administrator's one creation; the refusals (403, a taken email) left
		// nothing.
		assertThat(audited(NewsroomAudit.ACCOUNT, created.id()))
			.containsExactly(new Audited(administratorId, "ADMINISTRATOR", "created", "author"));
		// Accounts made at the command line name it, not an account.
		assertThat(audited(NewsroomAudit.ACCOUNT, administratorId))
			.containsExactly(new Audited(null, "cli", "created", "administrator"));
		assertThat(site.bean(NewsroomAudit.class).trail(NewsroomAudit.ACCOUNT, created.id()))
			.extracting(NewsroomAuditEntry::at)
			.singleElement()
			.satisfies(at -> assertThat(at).isBetween(before, after));
	}

	@Test
	void referencesToMissingThingsAndPartialFormsAre400() {
		var editor = as("editor");
		var noImage = form("Missing image");
		noImage.put("leadImage", "999999");
		var response = editor.post("/newsroom/articles", noImage);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(response.body()).selectFirst(".notice").text()).startsWith("leadImage:");

		var partial = editor.post("/newsroom/articles", Map.of("title", "", "section", "News", "authors", "A"));
		assertThat(partial.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(partial.body()).selectFirst(".notice").text()).startsWith("title:");

		long id = create(editor, "Never published");
		var farFuture = editor.post("/newsroom/articles/" + id + "/schedule", Map.of("at", "+999999999-12-31T23:59"));
		assertThat(farFuture.statusCode()).isEqualTo(400);
		var leave = editor.post("/newsroom/articles/" + id + "/unpublish", Map.of("at", "2030-01-01T00:00"));
		assertThat(leave.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(leave.body()).selectFirst(".notice").text()).startsWith("status:");

		var author = site.bean(Authors.class).bySlug("writer-one").orElseThrow();
		assertThat(editor.post("/newsroom/authors/" + author.id(), Map.of("photo", "999999")).statusCode())
			.isEqualTo(400);
		assertThat(editor.post("/newsroom/authors/" + author.id(), Map.of("photo", "abc")).statusCode()).isEqualTo(400);
	}

	@Test
	void aNewArticleNeverOverwritesAnother() {
		var editor = as("editor");
		long original = create(editor, "Someone else's headline");
		editor.post("/newsroom/articles/" + original + "/publish", Map.of());
		String path = site.bean(PublishedArticles.class).publishedByIds(List.of(original)).get(0).path();
		var contributor = as("contributor");
		long copy = create(contributor, "Someone else's headline");
		assertThat(copy).isNotEqualTo(original);
		var sameSlug = form("Another headline");
		sameSlug.put("slug", path.substring(path.lastIndexOf('/') + 1));
		var refused = contributor.post("/newsroom/articles", sameSlug);
		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(refused.body()).selectFirst(".notice").text()).startsWith("slug:");
		assertThat(site.get(path).status()).isEqualTo(200);
		assertThat(site.get(path).html().selectFirst("h1").text()).isEqualTo("Someone else's headline");
	}

	/**
	 * Issue 12, item 3: what was approved when scheduling goes live, not what was saved
	 * after.
	 */
	@Test
	void exactlyTheApprovedRevisionGoesLive() {
		var editor = as("editor");
		long id = create(editor, "Scheduled then edited");
		editor.post("/newsroom/articles/" + id + "/schedule",
				Map.of("at", inSiteTime(Duration.ofMinutes(2)).toString()));
		var early = editor.post("/newsroom/articles/" + id + "/unpublish",
				Map.of("at", inSiteTime(Duration.ofMinutes(1)).toString()));
		assertThat(early.statusCode()).isEqualTo(400);
		var edited = form("Scheduled then edited");
		edited.put("summary", "Written after scheduling");
		editor.post("/newsroom/articles/" + id, edited);
		assertThat(Jsoup.parse(editor.get("/newsroom/articles/" + id).body()).select(".pending")).isNotEmpty();
		clock.advance(Duration.ofMinutes(3));
		var articles = site.bean(PublishedArticles.class);
		var live = await().atMost(Duration.ofSeconds(10))
			.until(() -> articles.teasers(List.of(id)), list -> !list.isEmpty());
		assertThat(live).singleElement()
			.satisfies(t -> assertThat(t.summary()).isEqualTo("Standfirst of Scheduled then edited"));

		// Live + scheduled changes: readers keep the live revision until the instant; a
		// save after
		// scheduling waits for its own approval.
		var approved = form("Scheduled then edited");
		approved.put("summary", "Approved for tomorrow");
		editor.post("/newsroom/articles/" + id, approved);
		assertThat(editor
			.post("/newsroom/articles/" + id + "/schedule", Map.of("at", inSiteTime(Duration.ofDays(1)).toString()))
			.statusCode()).isEqualTo(302);
		var page = Jsoup.parse(editor.get("/newsroom/articles/" + id).body());
		assertThat(page.selectFirst(".status").text()).isEqualTo("Published");
		// A published article is not sent for review.
		assertThat(page.select("form[action$=/submit]")).isEmpty();
		assertThat(page.selectFirst(".workflow-state").text()).contains("changes go live");
		// Both states, on the revisions they belong to.
		assertThat(page.select(".revisions li:has(.status-published)")).hasSize(1);
		assertThat(page.select(".revisions li:has(.status-scheduled)")).hasSize(1)
			.allSatisfy(li -> assertThat(li.text()).contains("goes live"));
		var notApproved = form("Scheduled then edited");
		notApproved.put("summary", "Not approved");
		editor.post("/newsroom/articles/" + id, notApproved);
		assertThat(articles.teasers(List.of(id)).get(0).summary()).isEqualTo("Standfirst of Scheduled then edited");
		clock.advance(Duration.ofDays(2));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> articles.teasers(List.of(id)).get(0).summary(), "Approved for tomorrow"::equals);
		var account = site.bean(Accounts.class).byEmail("editor@news.test").orElseThrow();
		var editing = site.bean(ArticleWorkflow.class).editing(account, id);
		assertThat(editing.latest().summary()).isEqualTo("Not approved");
		assertThat(editing.unpublishedChanges()).isTrue();
		assertThat(editing.scheduledChanges()).isFalse();
		assertThat(editing.audit()).filteredOn(entry -> "scheduled changes".equals(entry.detail()))
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.who()).isEqualTo("scheduler");
				assertThat(entry.action()).isEqualTo("published");
			});

		// Cancelling scheduled changes keeps what readers see.
		editor.post("/newsroom/articles/" + id + "/schedule", Map.of("at", inSiteTime(Duration.ofDays(1)).toString()));
		editor.post("/newsroom/articles/" + id + "/cancel-schedule", Map.of());
		assertThat(site.bean(ArticleWorkflow.class).editing(account, id).goLiveAt()).isNull();
		clock.advance(Duration.ofDays(2));
		site.bean(ArticleWorkflow.class).runDue();
		assertThat(articles.teasers(List.of(id)).get(0).summary()).isEqualTo("Approved for tomorrow");

		long cancelled = create(editor, "Schedule cancelled");
		String far = inSiteTime(Duration.ofDays(3)).toString();
		editor.post("/newsroom/articles/" + cancelled + "/schedule", Map.of("at", far));
		editor.post("/newsroom/articles/" + cancelled + "/unpublish", Map.of());
		editor.post("/newsroom/articles/" + cancelled + "/publish", Map.of());
		assertThat(articles.teasers(List.of(cancelled))).hasSize(1);
	}

	@Test
	void eachUseCaseWritesItsOneChange() {
		var editor = as("editor");
		long id = create(editor, "Changed once each time");
		var log = site.bean(ChangeLog.class);
		long before = log.latestSeq(Subject.ARTICLE);
		editor.post("/newsroom/articles/" + id + "/publish", Map.of());
		long published = log.latestSeq(Subject.ARTICLE);
		editor.post("/newsroom/articles/" + id + "/unpublish", Map.of());
		assertThat(log.since(before, Subject.ARTICLE)
			.stream()
			.filter(change -> change.seq() > before && change.subjectId() == id)
			.map(Change::kind)).containsExactly("published", "unpublished");
		assertThat(log.latestSeq(Subject.ARTICLE)).isEqualTo(published + 1);
	}

	@Test
	void whatDoesNotExistIsNotFound() {
		var editor = as("editor");
		long id = create(editor, "Has revisions");
		assertThat(editor.get("/newsroom/articles/999999").statusCode()).isEqualTo(404);
		assertThat(editor.post("/newsroom/articles/999999", form("Nothing to save")).statusCode()).isEqualTo(404);
		assertThat(editor.post("/newsroom/articles/999999/publish", Map.of()).statusCode()).isEqualTo(404);
		assertThat(editor.get("/newsroom/articles/" + id + "/compare?from=999998&to=999999").statusCode())
			.isEqualTo(404);
		assertThat(editor.post("/newsroom/articles/" + id + "/revisions/999999/restore", Map.of()).statusCode())
			.isEqualTo(404);
		assertThat(editor.post("/newsroom/sections/999999", Map.of("name", "Nowhere")).statusCode()).isEqualTo(404);
		assertThat(editor.post("/newsroom/authors/999999", Map.of("title", "Nobody")).statusCode()).isEqualTo(404);
	}

	@Test
	void schedulingInThePastIsRefused() {
		var editor = as("editor");
		long id = create(editor, "Not in the past");
		var response = editor.post("/newsroom/articles/" + id + "/schedule", Map.of("at", "2001-01-01T00:00"));
		assertThat(response.statusCode()).isEqualTo(400);
		var refused = Jsoup.parse(response.body());
		assertThat(refused.selectFirst(".notice.error").text()).startsWith("goLiveAt:");
		// Beside its input too, which says it is at fault.
		assertThat(refused.selectFirst("#go-live").attr("aria-invalid")).isEqualTo("true");
		assertThat(refused.selectFirst("#go-live").attr("aria-describedby")).isEqualTo("go-live-error");
		assertThat(refused.selectFirst("#go-live-error").text()).isEqualTo("must be in the future");
		// What was typed comes back, to correct rather than type again.
		assertThat(refused.selectFirst("#go-live").val()).isEqualTo("2001-01-01T00:00");
		assertThat(refused.selectFirst("#title").attr("aria-invalid")).isEqualTo("false");
		var badLink = form("Badly syndicated");
		badLink.put("syndicationPublication", "Elsewhere");
		badLink.put("syndicationUrl", "ftp://elsewhere.example/story");
		var badSave = Jsoup.parse(editor.post("/newsroom/articles/" + id, badLink).body());
		assertThat(badSave.selectFirst("#syndicationUrl").attr("aria-invalid")).isEqualTo("true");
		assertThat(badSave.selectFirst("#syndicationUrl-error").text()).contains("http(s)");
		var garbled = editor.post("/newsroom/articles/" + id + "/schedule", Map.of("at", "tomorrow"));
		assertThat(garbled.statusCode()).isEqualTo(400);
	}

}
