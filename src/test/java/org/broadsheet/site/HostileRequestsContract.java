package org.broadsheet.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.broadsheet.account.Account;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.support.NewsroomBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a hostile trial (issue 10) found readers and contributors could do to the public
 * site, over real HTTP on a running site; run on SQLite and PostgreSQL by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileRequestsContract {

	RunningSite site;

	Account contributor;

	Account editor;

	String article;

	/**
	 * @return Spring options giving the site a new, empty database
	 */
	abstract List<String> databaseOptions();

	@BeforeAll
	void start() {
		site = RunningSite.start(TestDatabases.newDataFolder(), databaseOptions().toArray(String[]::new));
		var accounts = site.bean(Accounts.class);
		contributor = accounts.create(SystemActor.CLI, "contributor@example.com", "Connie Tributor", Role.CONTRIBUTOR,
				"contributor-password");
		editor = accounts.create(SystemActor.CLI, "editor@example.com", "Eddie Tor", Role.EDITOR, "editor-password");
		article = TestArticles.publish(site, "A public story", Instant.now().minusSeconds(3600));
	}

	@AfterAll
	void stop() {
		if (site != null) {
			site.close();
		}
	}

	@Test
	void aNulInTheSignInEmailIsAWrongPasswordNotAnError() {
		var response = new NewsroomBrowser(site).post("/login",
				Map.of("email", "editor\u0000@example.com", "password", "editor-password"));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
	}

	ArticleDraft draft(String title, String section, String author, String tag) {
		return new ArticleDraft(null, title, section, List.of(AuthorProfile.named(author)), "Standfirst", "Body", null,
				List.of(tag), null, ArticleStatus.DRAFT, null, null, null);
	}

	@Test
	void aMalformedReaderCookieIsIgnored() {
		for (String cookie : List.of("%zz", "%", "zz%E0%A4", "\"%zz\"")) {
			var page = site.get(article, "Cookie", "broadsheet_reader=" + cookie);
			assertThat(page.status()).as(cookie).isEqualTo(200);
			assertThat(page.html().select("h1").text()).isEqualTo("A public story");
		}
	}

	/**
	 * PostgreSQL text cannot hold NUL: refused, naming the parameter, before any query on
	 * both databases.
	 */
	@Test
	void aNulInAQueryParameterIs400NamingIt() {
		for (var entry : Map
			.of("/feed/rss?section=%00", "section", "/feed/atom?tag=a%00b", "tag", "/search?q=%00", "q",
					"/talk/?page=1&sort=x%00", "sort")
			.entrySet()) {
			var page = site.get(entry.getKey());
			assertThat(page.status()).as(entry.getKey()).isEqualTo(400);
			assertThat(page.html().select("main p").first().text()).as(entry.getKey())
				.contains("\u201c" + entry.getValue() + "\u201d");
		}
		var api = site.get("/api/search?q=%00");
		assertThat(api.status()).isEqualTo(400);
		assertThat(api.response().body()).contains("\"parameter\":\"q\"");
		var newsroom = new NewsroomBrowser(site).signIn("editor@example.com", "editor-password");
		var list = newsroom.get("/newsroom?q=%00");
		assertThat(list.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(list.body()).select("main p").first().text()).contains("\u201cq\u201d");
		assertThat(newsroom.get("/newsroom?q=public").statusCode()).isEqualTo(200);
	}

	@Test
	void contributorsListOnlyTheArticlesTheyMayOpen() {
		var workflow = site.bean(ArticleWorkflow.class);
		workflow.create(contributor, draft("Connie's own draft", "Talk", "Connie Tributor", "Mine"));
		long embargoed = workflow.create(editor, draft("Embargoed merger scoop", "Talk", "Eddie Tor", "Scoops"));
		workflow.schedule(editor, embargoed, Instant.now().plusSeconds(86_400));
		String theirs = new NewsroomBrowser(site).signIn("contributor@example.com", "contributor-password")
			.get("/newsroom")
			.body();
		assertThat(theirs).contains("Connie's own draft").doesNotContain("Embargoed merger scoop", "A public story");
		String searched = new NewsroomBrowser(site).signIn("contributor@example.com", "contributor-password")
			.get("/newsroom?q=merger")
			.body();
		assertThat(searched).doesNotContain("Embargoed merger scoop");
		String editors = new NewsroomBrowser(site).signIn("editor@example.com", "editor-password")
			.get("/newsroom")
			.body();
		assertThat(editors).contains("Connie's own draft", "Embargoed merger scoop", "A public story");
	}

	@Test
	void anUnpublishedDraftCreatesNoPublicPage() {
		var workflow = site.bean(ArticleWorkflow.class);
		long id = workflow.create(contributor, draft("Secret plans", "Embargoed Desk", "Hidden Hand", "Hush Hush"));
		assertThat(site.get("/").html().select("nav.sections a").eachText()).contains("Talk")
			.doesNotContain("Embargoed Desk");
		for (String path : List.of("/embargoed-desk/", "/embargoed-desk", "/tag/hush-hush", "/author/hidden-hand",
				"/feed/rss?section=embargoed-desk", "/feed/atom?tag=hush-hush", "/feed/json?author=hidden-hand")) {
			var page = site.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.response().body()).as(path).doesNotContain("Embargoed Desk", "Hush Hush", "Hidden Hand");
		}
		// Published, the same section, tag and author have pages; unpublished again, they
		// go.
		workflow.publish(editor, id);
		assertThat(site.get("/").html().select("nav.sections a").eachText()).contains("Embargoed Desk");
		for (String path : List.of("/embargoed-desk/", "/tag/hush-hush", "/author/hidden-hand",
				"/feed/rss?section=embargoed-desk")) {
			assertThat(site.get(path).status()).as(path).isEqualTo(200);
		}
		workflow.unpublish(editor, id, null);
		assertThat(site.get("/").html().select("nav.sections a").eachText()).doesNotContain("Embargoed Desk");
		assertThat(site.get("/embargoed-desk/").status()).isEqualTo(404);
	}

}
