package org.broadsheet.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.Account;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.PublishedArticles;
import org.broadsheet.changelog.ChangeLog;
import org.broadsheet.comment.Comments;
import org.broadsheet.media.Image;
import org.broadsheet.media.MediaLibrary;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.LoggedChange.Subject;
import org.broadsheet.site.SiteChrome;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.support.TestImages;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.security.access.AccessDeniedException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The site settings on two nodes of one database: a save through node A reaches node B's
 * cached pages, its newsroom and its comment rules within 2 seconds; the properties stay
 * the defaults; only administrators save, and bad values are refused naming the field.
 * Subclasses give the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SiteSettingsContract {

	static final Duration STALE_AT_MOST = Duration.ofSeconds(2);

	RunningSite a;

	RunningSite b;

	Account admin;

	Account editor;

	Image logo;

	String article;

	/**
	 * @return options that put both nodes on one database; {@code first} is node A's data
	 * folder
	 */
	abstract List<String> sharedDatabase(Path first);

	@BeforeAll
	void start() throws Exception {
		Path dataA = TestDatabases.newDataFolder();
		var options = new ArrayList<>(sharedDatabase(dataA));
		options.add("--broadsheet.cache.poll-interval=200ms");
		options.add("--broadsheet.site.name=Harbour Herald");
		options.add("--broadsheet.site.time-zone=UTC");
		a = RunningSite.start(dataA, options.toArray(String[]::new));
		b = RunningSite.start(TestDatabases.newDataFolder(), options.toArray(String[]::new));
		var accounts = a.bean(Accounts.class);
		admin = accounts.create(SystemActor.CLI, "admin@settings.test", "Ada Admin", Role.ADMINISTRATOR,
				"admin-password-1");
		editor = accounts.create(SystemActor.CLI, "editor@settings.test", "Ed Itor", Role.EDITOR, "editor-password-1");
		Path file = Files.write(dataA.resolve("logo.jpg"), TestImages.jpeg(600, 120));
		logo = a.bean(MediaLibrary.class).store(file, "Harbour Herald logo", null, null);
		article = TestArticles.publish(a, "Harbour dues rise", Instant.now().minus(3, ChronoUnit.DAYS));
	}

	@AfterAll
	void stop() {
		b.close();
		a.close();
	}

	static SettingsForm form(Map<String, String> values) {
		var v = new HashMap<>(values);
		return new SettingsForm(v.get("name"), v.get("tagline"), v.get("logo"), v.get("language"), v.get("timeZone"),
				v.get("holdFirst"), v.get("closeAfterDays"), v.get("maxLinks"), v.get("blocklist"),
				v.get("socialProfiles"), v.containsKey("footerLabel") ? List.of(v.get("footerLabel"), "") : null,
				v.containsKey("footerUrl") ? List.of(v.get("footerUrl"), "") : null);
	}

	/** Reads {@code path} on B twice: the second read is B's page cache's. */
	private void cachedOnB(String path) {
		assertThat(b.get(path).status()).isEqualTo(200);
		assertThat(b.get(path).status()).isEqualTo(200);
	}

	@Test
	void aSaveReachesEveryPageOfEveryNodeAtOnce() {
		a.bean(SettingsStore.class).save(admin, form(Map.of()));
		for (String page : List.of("/", article)) {
			cachedOnB(page);
			assertThat(b.get(page).html().selectFirst(".site-name").text()).isEqualTo("Harbour Herald");
		}
		long logged = a.bean(ChangeLog.class).countAfter(0, Subject.SETTINGS);

		a.bean(SettingsStore.class)
			.save(admin,
					form(Map.of("name", "The Quay Courier", "tagline", "Tides and trade", "logo",
							Long.toString(logo.id()), "socialProfiles",
							"https://www.facebook.com/quaycourier\nhttps://social.example/@quay", "footerLabel",
							"About us", "footerUrl", "/about")));

		await().atMost(STALE_AT_MOST).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			var front = b.get("/").html();
			assertThat(front.title()).contains("The Quay Courier");
			assertThat(front.selectFirst(".site-name img").attr("alt")).isEqualTo("The Quay Courier");
			assertThat(front.selectFirst(".site-name img").attr("src")).isEqualTo(logo.url());
		});
		var front = b.get("/").html();
		assertThat(front.selectFirst(".tagline").text()).isEqualTo("Tides and trade");
		assertThat(front.select(".footer-links a").eachAttr("href")).containsExactly("/about");
		assertThat(front.select(".footer-links a").eachText()).containsExactly("About us");
		assertThat(front.select(".social-links a").eachText()).containsExactly("Facebook", "social.example");
		JsonNode organization = jsonLd(front);
		assertThat(organization.get("@type").asString()).isEqualTo("NewsMediaOrganization");
		assertThat(organization.get("logo").get("url").asString()).endsWith(logo.url());
		assertThat(organization.get("sameAs").get(1).asString()).isEqualTo("https://social.example/@quay");

		await().atMost(STALE_AT_MOST).untilAsserted(() -> {
			JsonNode news = jsonLd(b.get(article).html());
			assertThat(news.get("publisher").get("name").asString()).isEqualTo("The Quay Courier");
			assertThat(news.get("publisher").get("logo").get("@type").asString()).isEqualTo("ImageObject");
			assertThat(news.get("publisher").get("logo").get("width").asInt()).isEqualTo(600);
		});
		assertThat(b.bean(SiteChrome.class).chrome().siteName()).isEqualTo("The Quay Courier");

		// One change-log row per save, and the audit names who saved.
		assertThat(a.bean(ChangeLog.class).countAfter(0, Subject.SETTINGS)).isEqualTo(logged + 1);
		var trail = b.bean(NewsroomAudit.class).trail(NewsroomAudit.SETTINGS, 1);
		assertThat(trail.get(trail.size() - 1).who()).isEqualTo("Ada Admin");

		// Blank again: the start-up properties come back.
		a.bean(SettingsStore.class).save(admin, form(Map.of()));
		await().atMost(STALE_AT_MOST)
			.untilAsserted(
					() -> assertThat(b.get("/").html().selectFirst(".site-name").text()).isEqualTo("Harbour Herald"));
		assertThat(b.get("/").html().select(".footer-links, .social-links")).isEmpty();
	}

	@Test
	void theTimeZoneAndCommentRulesReachEveryNode() {
		var comments = b.bean(Comments.class);
		Instant published = Instant.now().minus(3, ChronoUnit.DAYS);
		a.bean(SettingsStore.class).save(admin, form(Map.of()));
		await().atMost(STALE_AT_MOST).untilAsserted(() -> assertThat(comments.isOpen(1, published)).isTrue());
		assertThat(b.bean(SiteChrome.class).chrome().zone()).isEqualTo(ZoneId.of("UTC"));

		a.bean(SettingsStore.class)
			.save(admin, form(Map.of("timeZone", "Asia/Tokyo", "closeAfterDays", "2", "language", "fr")));
		await().atMost(STALE_AT_MOST).untilAsserted(() -> {
			assertThat(b.bean(SiteChrome.class).chrome().zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
			assertThat(comments.isOpen(1, published)).isFalse();
			assertThat(b.get("/").html().selectFirst("html").attr("lang")).isEqualTo("fr");
		});
		var newsroom = new NewsroomBrowser(b).signIn("editor@settings.test", "editor-password-1");
		long id = b.bean(PublishedArticles.class)
			.published(article.split("/")[1], article.split("/")[2])
			.orElseThrow()
			.id();
		String edit = newsroom.get("/newsroom/articles/" + id).body();
		assertThat(edit).contains("Asia/Tokyo");
		a.bean(SettingsStore.class).save(admin, form(Map.of()));
	}

	@Test
	void onlyAdministratorsSaveAndBadValuesAreRefusedNamingTheField() {
		var store = a.bean(SettingsStore.class);
		assertThatThrownBy(() -> store.save(editor, form(Map.of("name", "Mine now"))))
			.isInstanceOf(AccessDeniedException.class);
		Map<String, Map<String, String>> refused = Map.of("timeZone", Map.of("timeZone", "Mars/Olympus"), "language",
				Map.of("language", "not a tag!"), "logo", Map.of("logo", "999999"), "socialProfiles",
				Map.of("socialProfiles", "javascript:alert(1)"), "footerUrl[0]",
				Map.of("footerLabel", "Home", "footerUrl", "ftp://files.example"), "footerLabel[0]",
				Map.of("footerUrl", "https://news.example/"), "closeAfterDays", Map.of("closeAfterDays", "-1"),
				"holdFirst", Map.of("holdFirst", "maybe"), "name", Map.of("name", "x".repeat(201)));
		refused.forEach((field, values) -> assertThatThrownBy(() -> store.save(admin, form(values))).as(field)
			.isInstanceOfSatisfying(InvalidInput.class, ex -> assertThat(ex.field()).isEqualTo(field)));
	}

	@Test
	void theNewsroomPageSavesForAdministratorsOnly() {
		var admins = new NewsroomBrowser(a).signIn("admin@settings.test", "admin-password-1");
		var page = Jsoup.parse(admins.get("/newsroom/settings").body());
		assertThat(page.selectFirst("#name").attr("placeholder")).isEqualTo("Harbour Herald");

		var refused = admins.post("/newsroom/settings", Map.of("timeZone", "Mars/Olympus"));
		assertThat(refused.statusCode()).isEqualTo(400);
		var form = Jsoup.parse(refused.body());
		assertThat(form.selectFirst("#timeZone").attr("aria-invalid")).isEqualTo("true");
		assertThat(form.selectFirst("#timeZone-error").text()).contains("Mars/Olympus");
		assertThat(form.selectFirst("#timeZone").val()).isEqualTo("Mars/Olympus");

		var saved = admins.post("/newsroom/settings",
				Map.of("name", "Quay Daily", "footerLabel", "Contact", "footerUrl", "https://news.example/contact"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/settings?saved");
		var after = Jsoup.parse(admins.get("/newsroom/settings?saved").body());
		assertThat(after.selectFirst("#name").val()).isEqualTo("Quay Daily");
		assertThat(after.selectFirst("#footerUrl-0").val()).isEqualTo("https://news.example/contact");
		assertThat(after.select(".notice").text()).contains("Ada Admin");
		await().atMost(STALE_AT_MOST)
			.untilAsserted(() -> assertThat(b.get("/").html().select(".footer-links a").eachText())
				.containsExactly("Contact"));

		var editors = new NewsroomBrowser(a).signIn("editor@settings.test", "editor-password-1");
		assertThat(editors.get("/newsroom/settings").statusCode()).isEqualTo(403);
		assertThat(editors.post("/newsroom/settings", Map.of("name", "Mine now")).statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(editors.get("/newsroom").body()).select("a[href=/newsroom/settings]")).isEmpty();
		assertThat(Jsoup.parse(admins.get("/newsroom").body()).select("a[href=/newsroom/settings]")).hasSize(1);
		a.bean(SettingsStore.class).save(admin, form(Map.of()));
	}

	private static JsonNode jsonLd(org.jsoup.nodes.Document page) {
		return JsonMapper.builder().build().readTree(page.selectFirst("script[type=application/ld+json]").data());
	}

}
