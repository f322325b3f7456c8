package org.broadsheet.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.account.Accounts;
import org.broadsheet.account.Role;
import org.broadsheet.account.SystemActor;
import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleStatus;
import org.broadsheet.article.ArticleWorkflow;
import org.broadsheet.author.AuthorProfile;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the newsroom over real HTTP: CSRF, session, throttling, no account
 * enumeration.
 */
class NewsroomSignInTest {

	static final String PASSWORD = "correct horse battery";

	static RunningSite site;

	@BeforeAll
	static void start() {
		Path data = TestDatabases.newDataFolder();
		site = RunningSite.start(data);
		var accounts = site.bean(Accounts.class);
		accounts.create(SystemActor.CLI, "editor@news.test", "Eda Editor", Role.EDITOR, PASSWORD);
		accounts.create(SystemActor.CLI, "contributor@news.test", "Cor Contributor", Role.CONTRIBUTOR, PASSWORD);
		accounts.create(SystemActor.CLI, "throttled@news.test", "Tess Throttled", Role.AUTHOR, PASSWORD);
		var workflow = site.bean(ArticleWorkflow.class);
		workflow.store(TestArticles.ACTOR,
				new ArticleDraft(null, "A published piece", "News", List.of(AuthorProfile.named("Eda Editor")), null,
						"Text", null, List.of(), null, ArticleStatus.PUBLISHED, Instant.parse("2024-01-01T00:00:00Z"),
						null, null));
		workflow.store(TestArticles.ACTOR,
				new ArticleDraft(null, "A draft in progress", "News", List.of(AuthorProfile.named("Cor Contributor")),
						null, "Text", null, List.of(), null, ArticleStatus.DRAFT, null, null, null));
	}

	@AfterAll
	static void stop() {
		site.close();
	}

	/** A browser: keeps cookies, does not follow redirects. */
	static final class Browser {

		final CookieManager cookies = new CookieManager();

		final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String path) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(site.url(path))).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form) throws Exception {
			return http.send(HttpRequest.newBuilder(URI.create(site.url(path)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> signIn(String email, String password) throws Exception {
			Document login = Jsoup.parse(get("/login").body());
			String token = login.selectFirst("input[name=_csrf]").val();
			return post("/login",
					"_csrf=" + encode(token) + "&email=" + encode(email) + "&password=" + encode(password));
		}

		String session() {
			return cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(c -> c.getName().equals("JSESSIONID"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse(null);
		}

	}

	@Test
	void theNewsroomNeedsSignIn() throws Exception {
		var response = new Browser().get("/newsroom");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void signingInChangesTheSessionAndShowsTheArticleList() throws Exception {
		var browser = new Browser();
		browser.get("/login");
		String before = browser.session();
		var response = browser.signIn("Editor@News.test", PASSWORD);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom");
		assertThat(browser.session()).isNotNull().isNotEqualTo(before);
		assertThat(response.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
				.contains("HttpOnly")
				.containsIgnoringCase("SameSite=Lax"));

		var list = Jsoup.parse(browser.get("/newsroom").body());
		assertThat(list.selectFirst(".signed-in").text()).startsWith("Signed in as Eda Editor (editor)");
		assertThat(list.select(".article-table tbody td:first-child").eachText()).contains("A published piece",
				"A draft in progress");
		var drafts = Jsoup.parse(browser.get("/newsroom?status=draft").body());
		assertThat(drafts.select(".article-table tbody td:first-child").eachText()).contains("A draft in progress")
			.doesNotContain("A published piece");
		var byTitle = Jsoup.parse(browser.get("/newsroom?q=PUBLISHED").body());
		assertThat(byTitle.select(".article-table tbody td:first-child").eachText())
			.containsExactly("A published piece");
		assertThat(browser.get("/newsroom?status=bogus&page=x&section=abc").statusCode()).isEqualTo(200);
	}

	@Test
	void everyRoleReachesTheNewsroom() throws Exception {
		var browser = new Browser();
		browser.signIn("contributor@news.test", PASSWORD);
		assertThat(browser.get("/newsroom").statusCode()).isEqualTo(200);
	}

	@Test
	void wrongPasswordAndUnknownEmailFailAlike() throws Exception {
		var wrong = new Browser().signIn("editor@news.test", "not the password");
		var unknown = new Browser().signIn("nobody@news.test", "not the password");
		assertThat(wrong.statusCode()).isEqualTo(302);
		assertThat(wrong.headers().firstValue("Location")).isEqualTo(unknown.headers().firstValue("Location"));
		assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(Jsoup.parse(new Browser().get("/login?error").body()).selectFirst(".notice").text())
			.isEqualTo("Wrong email or password.");
	}

	@Test
	void signInWithoutTheCsrfTokenIsRefused() throws Exception {
		var browser = new Browser();
		browser.get("/login");
		var response = browser.post("/login", "email=editor%40news.test&password=" + encode(PASSWORD));
		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void repeatedFailuresThrottleTheAccountEvenWithTheRightPassword() throws Exception {
		for (int i = 0; i < 5; i++) {
			new Browser().signIn("throttled@news.test", "wrong " + i);
		}
		var response = new Browser().signIn("throttled@news.test", PASSWORD);
		assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login?throttled");
		assertThat(Jsoup.parse(new Browser().get("/login?throttled").body()).selectFirst(".notice").text())
			.startsWith("Too many failed sign-ins.");
		// Other accounts are not affected.
		assertThat(new Browser().signIn("editor@news.test", PASSWORD).headers().firstValue("Location").orElseThrow())
			.endsWith("/newsroom");
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		var browser = new Browser();
		browser.signIn("editor@news.test", PASSWORD);
		var list = Jsoup.parse(browser.get("/newsroom").body());
		String token = list.selectFirst("form[action=/logout] input[name=_csrf]").val();
		var out = browser.post("/logout", "_csrf=" + encode(token));
		assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedOut");
		assertThat(browser.get("/newsroom").statusCode()).isEqualTo(302);
	}

	@Test
	void theUserCommandCreatesAnAccountWithAPasswordFromStandardInput() throws Exception {
		Path data = TestDatabases.newDataFolder();
		var in = System.in;
		try {
			System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
			var out = new StringWriter();
			var cli = BroadsheetApplication.commandLine();
			cli.setOut(new PrintWriter(out));
			int code = cli.execute("user", "add", "--email", "Chief@News.test", "--name", "Chief", "--role",
					"administrator", "--broadsheet.data=" + data);
			assertThat(code).as(out.toString()).isZero();
			assertThat(out.toString()).contains("Created chief@news.test (Chief), role administrator");
			// The audit log names the command line, not an account.
			try (var db = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("broadsheet.db"));
					var rows = db.createStatement().executeQuery("""
							SELECT l.account_id, l.actor, l.action, l.detail FROM newsroom_audit l
							JOIN account a ON l.subject = 'account' AND a.id = l.subject_id""")) {
				assertThat(rows.next()).isTrue();
				assertThat(rows.getObject(1)).isNull();
				assertThat(List.of(rows.getString(2), rows.getString(3), rows.getString(4))).containsExactly("cli",
						"created", "administrator");
				assertThat(rows.next()).isFalse();
			}

			System.setIn(new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
			var err = new StringWriter();
			cli = BroadsheetApplication.commandLine();
			cli.setErr(new PrintWriter(err));
			code = cli.execute("user", "add", "--email", "x@news.test", "--name", "X", "--role", "editor",
					"--broadsheet.data=" + data);
			assertThat(code).isEqualTo(1);
			assertThat(err.toString()).contains("password: at least 10 characters");

			cli = BroadsheetApplication.commandLine();
			cli.setErr(new PrintWriter(err));
			assertThat(cli.execute("user", "add", "--email", "y@news.test", "--name", "Y", "--role", "boss",
					"--broadsheet.data=" + data))
				.isEqualTo(2);
			assertThat(err.toString()).contains("role: must be one of contributor, author, editor, administrator");
		}
		finally {
			System.setIn(in);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
