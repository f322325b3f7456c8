package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicInteger;

import org.aopalliance.intercept.MethodInterceptor;
import org.broadsheet.support.PostgresSchemas;
import org.broadsheet.support.ReaderBrowser;
import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.broadsheet.taxonomy.Taxonomy;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Two nodes on one PostgreSQL share newsroom sessions (issue 13): signed in on A, an
 * editor's cookie opens the newsroom on B and B accepts a change carrying the CSRF token
 * A's page gave (the token lives in the session); signing out on A signs out on B.
 * Readers never read or write a session, and expired sessions are deleted.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the shared-sessions test")
class PostgresSharedSessionsTest {

	private static final String PASSWORD = "shared-sessions-1";

	@RegisterExtension
	static final PostgresSchemas schemas = new PostgresSchemas();

	static RunningSite a;

	static RunningSite b;

	/** Calls of node A's session repository (reads, creations, writes, deletions). */
	static final AtomicInteger sessionCalls = new AtomicInteger();

	@BeforeAll
	static void start() {
		var options = new ArrayList<>(schemas.newSchemaOptions());
		options.add("--broadsheet.comments.min-fill-time=0s");
		a = RunningSite.startWith(TestDatabases.newDataFolder(),
				context -> context.getBeanFactory().addBeanPostProcessor(new CountingSessions()),
				options.toArray(String[]::new));
		// B deletes expired sessions every second, so that the test need not wait a
		// minute.
		options.add("--broadsheet.sessions.cleanup-cron=* * * * * *");
		b = RunningSite.start(TestDatabases.newDataFolder(), options.toArray(String[]::new));
		a.bean(Accounts.class).create(SystemActor.CLI, "editor@sessions.test", "Sid Editor", Role.EDITOR, PASSWORD);
	}

	@AfterAll
	static void stop() {
		a.close();
		b.close();
	}

	/**
	 * Counts every call of the session repository (Spring Session's real JDBC repository,
	 * wrapped): each is at least one query of the session tables.
	 */
	static final class CountingSessions implements BeanPostProcessor {

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (!(bean instanceof JdbcIndexedSessionRepository)) {
				return bean;
			}
			var proxy = new ProxyFactory(bean);
			proxy.setProxyTargetClass(true);
			proxy.addAdvice((MethodInterceptor) invocation -> {
				sessionCalls.incrementAndGet();
				return invocation.proceed();
			});
			return proxy.getProxy();
		}

	}

	private static long sessionRows() {
		return a.bean(JdbcClient.class).sql("SELECT COUNT(*) FROM spring_session").query(Long.class).single();
	}

	@Test
	void aSessionMadeOnAServesOnBAndSigningOutOnAEndsItOnB() {
		var editor = new Editor();
		String loginToken = editor.open(a, "/login");
		var signIn = editor.post(a, "/login", loginToken,
				Map.of("email", "editor@sessions.test", "password", PASSWORD));
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom");
		// Session fixation: signing in gives the session a new id.
		String first = editor.session;
		assertThat(signIn.headers().allValues("Set-Cookie"))
			.anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
				.contains("HttpOnly")
				.containsIgnoringCase("SameSite=Lax"));
		assertThat(first).isNotNull().isNotEqualTo(editor.before);
		assertThat(a.bean(JdbcClient.class)
			.sql("SELECT MAX_INACTIVE_INTERVAL FROM spring_session WHERE PRINCIPAL_NAME = 'editor@sessions.test'")
			.query(Integer.class)
			.single()).isEqualTo((int) Duration.ofHours(8).toSeconds());

		// B knows the session, and takes a change with the token A's page gave.
		var onB = editor.get(b, "/newsroom");
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(onB.body()).selectFirst(".signed-in").text()).contains("Sid Editor");
		String token = editor.open(a, "/newsroom/authors");
		long tag = a.bean(Taxonomy.class).tag("Session Tag").id();
		var renamed = editor.post(b, "/newsroom/tags/" + tag, token, Map.of("name", "Renamed On B"));
		assertThat(renamed.statusCode()).isEqualTo(302);
		assertThat(renamed.headers().firstValue("Location").orElseThrow()).endsWith("/newsroom/authors?saved");
		assertThat(b.bean(Taxonomy.class).tagsByIds(List.of(tag)).get(tag).name()).isEqualTo("Renamed On B");
		// A forged token is still refused on B.
		assertThat(editor.post(b, "/newsroom/tags/" + tag, "forged", Map.of("name", "Forged")).statusCode())
			.isEqualTo(403);

		// Signing out on A ends the session on B too.
		var out = editor.post(a, "/logout", editor.open(a, "/newsroom"), Map.of());
		assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedOut");
		editor.session = first;
		var refused = editor.get(b, "/newsroom");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login");
	}

	@Test
	void readersNeverReadOrWriteASession() {
		String path = TestArticles.publish(a, "Read without sessions", Instant.now().minus(1, ChronoUnit.HOURS));
		long rows = sessionRows();
		int calls = sessionCalls.get();
		var reader = new ReaderBrowser(a);
		for (int i = 0; i < 3; i++) {
			for (String page : List.of("/", path, "/talk/", "/feed/rss", "/search?q=sessions", "/no-such-page")) {
				assertThat(a.get(page).response().headers().allValues("Set-Cookie")).as(page)
					.noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
			}
		}
		reader.open(path);
		var posted = reader.comment(path,
				Map.of("name", "Reader", "email", "reader@sessions.test", "text", "A comment without a session"));
		assertThat(posted.statusCode()).isEqualTo(302);
		assertThat(posted.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
		assertThat(reader.like(path, true).statusCode()).isEqualTo(200);
		assertThat(sessionCalls.get()).isEqualTo(calls);
		assertThat(sessionRows()).isEqualTo(rows);
		// The count works: the sign-in page makes a session (its CSRF token lives there).
		new Editor().open(a, "/login");
		assertThat(sessionCalls.get()).isGreaterThan(calls);
		assertThat(sessionRows()).isEqualTo(rows + 1);
	}

	@Test
	void expiredSessionsAreDeleted() {
		var jdbc = a.bean(JdbcClient.class);
		jdbc.sql("INSERT INTO spring_session (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME, "
				+ "MAX_INACTIVE_INTERVAL, EXPIRY_TIME) VALUES ('expired-primary', 'expired-session', 0, 0, 60, 60000)")
			.update();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE PRIMARY_ID = 'expired-primary'")
				.query(Long.class)
				.single() == 0);
	}

	/**
	 * An editor's browser that sends its session cookie to whichever node it asks, as a
	 * load balancer without sticky sessions would; redirects are not followed.
	 */
	static final class Editor {

		private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

		String session;

		/** The session before sign-in. */
		String before;

		/** Opens a page; @return the CSRF token of its first form */
		String open(RunningSite site, String path) {
			var page = Jsoup.parse(get(site, path).body());
			if (before == null) {
				before = session;
			}
			var input = page.selectFirst("input[name=_csrf]");
			return input == null ? "" : input.val();
		}

		HttpResponse<String> get(RunningSite site, String path) {
			return send(HttpRequest.newBuilder(URI.create(site.url(path))).GET());
		}

		HttpResponse<String> post(RunningSite site, String path, String token, Map<String, String> fields) {
			var form = new StringJoiner("&");
			form.add("_csrf=" + encode(token));
			fields.forEach((name, value) -> form.add(encode(name) + "=" + encode(value)));
			return send(HttpRequest.newBuilder(URI.create(site.url(path)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form.toString())));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			if (session != null) {
				request.header("Cookie", "JSESSIONID=" + session);
			}
			var response = RunningSite.send(http, request.build());
			response.headers()
				.allValues("Set-Cookie")
				.stream()
				.filter(cookie -> cookie.startsWith("JSESSIONID="))
				.forEach(cookie -> {
					String value = cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
					session = value.isEmpty() ? null : value;
				});
			return response;
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
