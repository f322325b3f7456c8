package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestArticles;
import org.broadsheet.support.TestDatabases;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle over real HTTP: each failure counted once, attempts reserved
 * before their password is checked (parallel guesses included), and client addresses
 * taken from X-Forwarded-For only when the peer is a trusted proxy.
 */
class SignInThrottleTest {

	static final String PASSWORD = "correct horse battery";

	/**
	 * The test is the trusted proxy: each test gives its requests an address of its own.
	 */
	static RunningSite proxied;

	/**
	 * Forwarded headers on, as the README used to advise, but no proxy trusted (the
	 * default).
	 */
	static RunningSite direct;

	static final AtomicInteger addresses = new AtomicInteger(1);

	@BeforeAll
	static void start() {
		String[] strictComments = { "--broadsheet.comments.min-fill-time=0s", "--broadsheet.comments.per-minute=3" };
		proxied = RunningSite.start(TestDatabases.newDataFolder(),
				concat(strictComments, "--broadsheet.http.trusted-proxies=127.0.0.0/8, ::1/128"));
		direct = RunningSite.start(TestDatabases.newDataFolder(),
				concat(strictComments, "--server.forward-headers-strategy=native"));
		for (var site : List.of(proxied, direct)) {
			for (String name : List.of("four", "five", "raced", "address", "rotated")) {
				site.bean(Accounts.class).create(SystemActor.CLI, name + "@news.test", name, Role.AUTHOR, PASSWORD);
			}
		}
	}

	@AfterAll
	static void stop() {
		proxied.close();
		direct.close();
	}

	private static String[] concat(String[] first, String... more) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(more));
		return all.toArray(String[]::new);
	}

	/** A new client address, as a proxy would report it. */
	static String newAddress() {
		int n = addresses.getAndIncrement();
		return "198.51." + (n / 250) + "." + (n % 250 + 1);
	}

	/** A browser behind a proxy that reports {@code address} in X-Forwarded-For. */
	record Browser(RunningSite site, String address, HttpClient http) {

		Browser(RunningSite site, String address) {
			this(site, address,
					HttpClient.newBuilder()
						.cookieHandler(new CookieManager())
						.followRedirects(HttpClient.Redirect.NEVER)
						.build());
		}

		HttpResponse<String> send(String path, Map<String, String> form) throws Exception {
			var request = HttpRequest.newBuilder(URI.create(site.url(path))).header("X-Forwarded-For", address);
			if (form == null) {
				request.GET();
			}
			else {
				var body = new StringJoiner("&");
				form.forEach((k, v) -> body.add(encode(k) + "=" + encode(v)));
				request.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

		/**
		 * @return the hidden inputs of the page's form that matches {@code selector}
		 */
		Map<String, String> hidden(String path, String selector) throws Exception {
			Map<String, String> fields = new LinkedHashMap<>();
			Jsoup.parse(send(path, null).body())
				.select(selector + " input[type=hidden]")
				.forEach(input -> fields.put(input.attr("name"), input.val()));
			return fields;
		}

		/**
		 * @return where sign-in sent the browser: "/newsroom", "/login?error" or
		 * "/login?throttled"
		 */
		String signIn(String email, String password) throws Exception {
			return signIn(hidden("/login", "form"), email, password);
		}

		String signIn(Map<String, String> form, String email, String password) throws Exception {
			Map<String, String> all = new LinkedHashMap<>(form);
			all.put("email", email);
			all.put("password", password);
			String location = send("/login", all).headers().firstValue("Location").orElse("");
			return URI.create(location).getRawPath()
					+ (location.contains("?") ? "?" + URI.create(location).getRawQuery() : "");
		}

	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	@Test
	void fourFailuresLeaveAnAccountOpenAndTheFifthLocksIt() throws Exception {
		var browser = new Browser(proxied, newAddress());
		for (int i = 0; i < 4; i++) {
			assertThat(browser.signIn("four@news.test", "wrong " + i)).isEqualTo("/login?error");
		}
		assertThat(browser.signIn("four@news.test", PASSWORD)).isEqualTo("/newsroom");

		var other = new Browser(proxied, newAddress());
		for (int i = 0; i < 5; i++) {
			assertThat(other.signIn("five@news.test", "wrong " + i)).isEqualTo("/login?error");
		}
		assertThat(other.signIn("five@news.test", PASSWORD)).isEqualTo("/login?throttled");
	}

	@Test
	void twentyFailuresFromOneAddressLockIt() throws Exception {
		var browser = new Browser(proxied, newAddress());
		for (int i = 0; i < 19; i++) {
			assertThat(browser.signIn("nobody" + i + "@news.test", "wrong")).isEqualTo("/login?error");
		}
		assertThat(browser.signIn("address@news.test", PASSWORD)).as("after 19 failures").isEqualTo("/newsroom");
		assertThat(browser.signIn("nobody19@news.test", "wrong")).isEqualTo("/login?error");
		assertThat(browser.signIn("address@news.test", PASSWORD)).as("after 20 failures").isEqualTo("/login?throttled");
		// Another address is not affected.
		assertThat(new Browser(proxied, newAddress()).signIn("address@news.test", PASSWORD)).isEqualTo("/newsroom");
	}

	@Test
	void guessesSentAtTheSameMomentAreCountedBeforeTheirPasswordsAreChecked() throws Exception {
		int guesses = 40;
		String address = newAddress();
		List<Browser> browsers = new ArrayList<>();
		List<Map<String, String>> forms = new ArrayList<>();
		for (int i = 0; i < guesses; i++) {
			var browser = new Browser(proxied, address);
			forms.add(browser.hidden("/login", "form"));
			browsers.add(browser);
		}
		var together = new CyclicBarrier(guesses);
		List<Callable<String>> attempts = new ArrayList<>();
		for (int i = 0; i < guesses; i++) {
			var browser = browsers.get(i);
			var form = forms.get(i);
			String password = "wrong " + i;
			attempts.add(() -> {
				together.await();
				return browser.signIn(form, "raced@news.test", password);
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(guesses);
		List<String> outcomes = new ArrayList<>();
		try {
			for (Future<String> outcome : pool.invokeAll(attempts)) {
				outcomes.add(outcome.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(outcomes).filteredOn("/login?error"::equals).hasSize(LoginThrottle.PER_ACCOUNT);
		assertThat(outcomes).filteredOn("/login?throttled"::equals).hasSize(guesses - LoginThrottle.PER_ACCOUNT);
		assertThat(new Browser(proxied, newAddress()).signIn("raced@news.test", PASSWORD))
			.isEqualTo("/login?throttled");
	}

	@Test
	void aRotatingForwardedForFromAnUntrustedPeerDoesNotEscapeTheSignInThrottle() throws Exception {
		for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
			assertThat(new Browser(direct, newAddress()).signIn("stranger" + i + "@news.test", "wrong"))
				.isEqualTo("/login?error");
		}
		assertThat(new Browser(direct, newAddress()).signIn("rotated@news.test", PASSWORD))
			.isEqualTo("/login?throttled");
	}

	@Test
	void commentsAreThrottledByTheAddressATrustedProxyReportsAndOnlyThen() throws Exception {
		for (var site : List.of(proxied, direct)) {
			String path = TestArticles.publish(site, "Throttled talk", Instant.now().minusSeconds(60));
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				var reader = new Browser(site, newAddress());
				Map<String, String> form = new LinkedHashMap<>(reader.hidden(path, "form#respond"));
				form.remove("parent");
				form.putAll(Map.of("name", "Reader", "email", "reader" + i + "@example.com", "text",
						"Comment " + i + " from a new address", "website", ""));
				statuses.add(reader.send(path + "/comments", form).statusCode());
			}
			if (site == proxied) {
				assertThat(statuses).as("each reader has an address of its own").containsOnly(302);
			}
			else {
				assertThat(statuses).as("one peer, whatever the header says").containsExactly(302, 302, 302, 429);
			}
		}
	}

}
