package org.broadsheet.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.Account;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.NewsroomAudit;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Static pages through their one service and over real HTTP on a running site: rules
 * naming the field, permission, audit and change log, drafts answering 404, old slugs
 * 301, the footer and the sitemap, the page cache kept and evicted, Persian slugs with
 * their zero-width non-joiner, and the newsroom's forms. Subclasses give the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StaticPagesContract {

	RunningSite site;

	StaticPages pages;

	Account editor;

	Account author;

	JdbcClient jdbc;

	/**
	 * @return Spring options giving the site a new, empty database
	 */
	abstract List<String> databaseOptions();

	@BeforeAll
	void start() {
		site = RunningSite.start(TestDatabases.newDataFolder(), databaseOptions().toArray(String[]::new));
		var accounts = site.bean(Accounts.class);
		editor = accounts.create(SystemActor.CLI, "editor@pages.test", "Eda Editor", Role.EDITOR, "editor-password");
		author = accounts.create(SystemActor.CLI, "author@pages.test", "Arlo Author", Role.AUTHOR, "author-password");
		pages = site.bean(StaticPages.class);
		jdbc = site.bean(JdbcClient.class);
		TestArticles.publish(site, "A story on the front page", Instant.now().minusSeconds(3600));
	}

	@AfterAll
	void stop() {
		if (site != null) {
			site.close();
		}
	}

	static StaticPageDraft draft(String slug, String title, PageStatus status, boolean inFooter, int order) {
		return new StaticPageDraft(slug, title, "What " + title + " is about.", "Body of **" + title + "**.", null,
				status, inFooter, order);
	}

	private static String field(Runnable action) {
		try {
			action.run();
		}
		catch (InvalidInput ex) {
			return ex.field();
		}
		throw new AssertionError("no InvalidInput");
	}

	@Test
	void refusedInputNamesItsFieldAndWritesNothing() {
		int before = pages.all(editor).size();
		assertThat(field(() -> pages.create(editor, draft(null, " ", PageStatus.DRAFT, false, 0)))).isEqualTo("title");
		assertThat(field(() -> pages.create(editor, draft(null, "x".repeat(201), PageStatus.DRAFT, false, 0))))
			.isEqualTo("title");
		assertThat(field(() -> pages.create(editor, draft("!!!", "Punctuation", PageStatus.DRAFT, false, 0))))
			.isEqualTo("slug");
		assertThat(field(() -> pages.create(editor, draft(null, "Ordered", PageStatus.DRAFT, true, 1000))))
			.isEqualTo("footerOrder");
		assertThat(field(() -> pages.create(editor,
				new StaticPageDraft(null, "Lang", null, "", "not a tag!", PageStatus.DRAFT, false, 0))))
			.isEqualTo("language");
		assertThat(field(() -> pages.create(editor,
				new StaticPageDraft(null, "Nul", "a\u0000b", "", null, PageStatus.DRAFT, false, 0))))
			.isEqualTo("description");
		assertThat(
				field(() -> pages.create(editor, new StaticPageDraft(null, "Status", null, "", null, null, false, 0))))
			.isEqualTo("status");
		assertThat(field(() -> PageStatus.ofCode("secret"))).isEqualTo("status");
		pages.create(editor, draft("taken", "Taken", PageStatus.DRAFT, false, 0));
		assertThatThrownBy(() -> pages.create(editor, draft("Taken", "Taken again", PageStatus.DRAFT, false, 0)))
			.isInstanceOf(StaticPageConflict.class)
			.hasMessageStartingWith("slug:");
		assertThat(pages.all(editor)).hasSize(before + 1);
	}

	@Test
	void onlyEditorsAndAdministratorsManagePages() {
		assertThatThrownBy(() -> pages.create(author, draft(null, "By an author", PageStatus.DRAFT, false, 0)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> pages.all(author)).isInstanceOf(AccessDeniedException.class);
		var browser = new NewsroomBrowser(site).signIn("author@pages.test", "author-password");
		assertThat(browser.get("/newsroom/pages").statusCode()).isEqualTo(403);
	}

	@Test
	void aDraftHasNoAddressUntilPublishedThenAChangedSlugRedirects() {
		var page = pages.create(editor, draft(null, "Corrections policy", PageStatus.DRAFT, false, 0));
		assertThat(page.slug()).isEqualTo("corrections-policy");
		assertThat(site.get("/page/corrections-policy").status()).isEqualTo(404);
		var published = pages.update(editor, page.id(),
				draft(null, "Corrections policy", PageStatus.PUBLISHED, false, 0));
		var html = site.get("/page/corrections-policy");
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.html().selectFirst("main article h1").text()).isEqualTo("Corrections policy");
		assertThat(html.html().selectFirst(".standfirst").text()).isEqualTo("What Corrections policy is about.");
		assertThat(html.html().selectFirst(".article-body strong").text()).isEqualTo("Corrections policy");
		assertThat(html.html().selectFirst("link[rel=canonical]").attr("href")).endsWith("/page/corrections-policy");
		// A second save with nothing changed is no change at all.
		assertThat(pages.update(editor, page.id(), draft(null, "Corrections policy", PageStatus.PUBLISHED, false, 0))
			.updatedAt()).isEqualTo(published.updatedAt());
		pages.update(editor, page.id(), draft("corrections", "Corrections policy", PageStatus.PUBLISHED, false, 0));
		var browser = new NewsroomBrowser(site);
		var moved = browser.get("/page/corrections-policy");
		assertThat(moved.statusCode()).isEqualTo(301);
		assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/page/corrections");
		assertThat(browser.get("/page/Corrections").headers().firstValue("Location").orElseThrow())
			.endsWith("/page/corrections");
		assertThat(browser.get("/page/corrections/").statusCode()).isEqualTo(301);
		assertThat(site.get("/page/corrections").status()).isEqualTo(200);
		// Unpublished: 404 at both addresses.
		pages.update(editor, page.id(), draft(null, "Corrections policy", PageStatus.DRAFT, false, 0));
		assertThat(site.get("/page/corrections").status()).isEqualTo(404);
		assertThat(browser.get("/page/corrections-policy").statusCode()).isEqualTo(404);
		var trail = site.bean(NewsroomAudit.class).trail(NewsroomAudit.PAGE, page.id());
		assertThat(trail).extracting(e -> e.action()).containsExactly("created", "published", "saved", "unpublished");
		assertThat(trail).allMatch(e -> "Eda Editor".equals(e.who()));
		assertThat(jdbc.sql("SELECT kind FROM change_log WHERE subject = 'page' AND subject_id = ? ORDER BY id")
			.param(page.id())
			.query(String.class)
			.list()).containsExactly("created", "published", "updated", "unpublished");
	}

	@Test
	void bodiesAreSanitizedAsArticleBodiesAre() {
		var page = pages.create(editor, new StaticPageDraft("contact", "Contact", null,
				"Write to us.\n\n<script>alert(1)</script>\n\nA <a href=\"javascript:alert(2)\" onclick=\"x()\">link</a>.",
				null, PageStatus.PUBLISHED, false, 0));
		var html = site.get(page.path());
		assertThat(html.status()).isEqualTo(200);
		var body = html.html().selectFirst(".article-body");
		assertThat(body.text()).contains("Write to us.");
		assertThat(body.select("script, [onclick], a[href^=javascript]")).isEmpty();
		assertThat(body.select("a").eachText()).containsExactly("link");
	}

	@Test
	void theFooterListsPublishedFooterPagesInOrderAndTheCacheFollowsEveryChange() {
		var privacy = pages.create(editor, draft("privacy", "Privacy", PageStatus.PUBLISHED, true, 2));
		var about = pages.create(editor, draft("about", "About us", PageStatus.PUBLISHED, true, 1));
		pages.create(editor, draft("hidden", "Not in the footer", PageStatus.PUBLISHED, false, 0));
		pages.create(editor, draft("draft-footer", "Draft footer page", PageStatus.DRAFT, true, 0));
		assertThat(footer("/")).containsExactly("About us", "Privacy");
		// Both pages are now cached: a change behind the service's back is not seen...
		assertThat(site.get("/page/about").status()).isEqualTo(200);
		jdbc.sql("UPDATE page SET body_html = '<p>Sneaked in</p>' WHERE id = ?").param(about.id()).update();
		assertThat(site.get("/page/about").response().body()).doesNotContain("Sneaked in");
		// ...and a change through it is, on the page and in every page's footer.
		pages.update(editor, about.id(), draft("about", "About the newsroom", PageStatus.PUBLISHED, true, 3));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(site.get("/page/about").html().selectFirst("h1").text()).isEqualTo("About the newsroom");
			assertThat(footer("/")).containsExactly("Privacy", "About the newsroom");
			assertThat(footer("/page/privacy")).containsExactly("Privacy", "About the newsroom");
		});
		pages.delete(editor, privacy.id());
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(footer("/")).containsExactly("About the newsroom");
			assertThat(site.get("/page/privacy").status()).isEqualTo(404);
		});
		// In the sitemap, not in feeds.
		String sitemap = site.get("/sitemaps/pages.xml").response().body();
		assertThat(sitemap).contains("/page/about", "/page/hidden").doesNotContain("/page/draft-footer");
		assertThat(site.get("/sitemap.xml").response().body()).contains("/sitemaps/pages.xml");
		assertThat(site.get("/feed/rss").response().body()).doesNotContain("/page/about");
	}

	private List<String> footer(String path) {
		return site.get(path).html().select("footer .footer-pages a").eachText();
	}

	@Test
	void aPersianSlugKeepsItsZeroWidthNonJoinerOnTheWireAndBack() {
		var page = pages.create(editor,
				new StaticPageDraft(null, "شب\u200Cها", null, "متن", "fa", PageStatus.PUBLISHED, true, 9));
		assertThat(page.slug()).isEqualTo("شب\u200Cها");
		assertThat(page.path()).isEqualTo("/page/%D8%B4%D8%A8%E2%80%8C%D9%87%D8%A7");
		var html = site.get(page.path());
		assertThat(html.status()).isEqualTo(200);
		assertThat(html.html().selectFirst("article").attr("lang")).isEqualTo("fa");
		assertThat(html.html().selectFirst("article").attr("dir")).isEqualTo("rtl");
		assertThat(html.html().select("footer .footer-pages a[lang=fa]").attr("href")).isEqualTo(page.path());
		// Without the joiner it is another word: not this page.
		assertThat(site.get("/page/%D8%B4%D8%A8%D9%87%D8%A7").status()).isEqualTo(404);
	}

	@Test
	void editorsWriteAndPublishPagesInTheNewsroom() {
		var browser = new NewsroomBrowser(site).signIn("editor@pages.test", "editor-password");
		assertThat(browser.get("/newsroom").body()).contains("href=\"/newsroom/pages\"");
		var refused = browser.post("/newsroom/pages",
				Map.of("title", "Masthead", "language", "??", "status", "published", "footerOrder", "2"));
		assertThat(refused.statusCode()).isEqualTo(400);
		var form = org.jsoup.Jsoup.parse(refused.body());
		assertThat(form.selectFirst("#language").attr("aria-invalid")).isEqualTo("true");
		assertThat(form.selectFirst("#language-error")).isNotNull();
		assertThat(form.selectFirst("#title").val()).isEqualTo("Masthead");
		var notANumber = browser.post("/newsroom/pages", Map.of("title", "Masthead", "footerOrder", "two"));
		assertThat(org.jsoup.Jsoup.parse(notANumber.body()).selectFirst("#footerOrder-error")).isNotNull();
		var created = browser.post("/newsroom/pages", Map.of("title", "Masthead", "body", "Who does what.", "status",
				"published", "inFooter", "on", "footerOrder", "5"));
		assertThat(created.statusCode()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/newsroom/pages/").endsWith("?saved");
		String edit = location.substring(location.indexOf("/newsroom/")).replace("?saved", "");
		assertThat(browser.get(edit).body()).contains("value=\"masthead\"");
		assertThat(site.get("/page/masthead").status()).isEqualTo(200);
		assertThat(browser.get("/newsroom/pages").body()).contains("Masthead", "/page/masthead");
		var saved = browser.post(edit,
				Map.of("title", "Masthead", "slug", "masthead", "body", "Who does what.", "status", "draft"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(site.get("/page/masthead").status()).isEqualTo(404);
		assertThat(browser.post(edit, Map.of("title", "")).statusCode()).isEqualTo(400);
		assertThat(browser.post(edit + "/delete", Map.of()).headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom/pages?deleted");
		assertThat(browser.get(edit).statusCode()).isEqualTo(404);
	}

}
