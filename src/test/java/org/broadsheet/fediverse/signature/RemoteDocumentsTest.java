package org.broadsheet.fediverse.signature;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.broadsheet.fediverse.signature.FetchFailed.Reason;
import org.broadsheet.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Remote fetches against a real HTTP server on 127.0.0.1 (JDK HttpServer): limits,
 * redirects, the SSRF guard on every hop, signed GETs.
 */
class RemoteDocumentsTest {

	/** Tests reach 127.0.0.1 over http: the two test switches on, short read timeout. */
	static final FetchSettings LOCAL = new FetchSettings(Duration.ofHours(1), true, true, Duration.ofSeconds(5),
			Duration.ofSeconds(2), DataSize.ofMegabytes(1), 3, Duration.ofDays(1));

	final TestClock clock = new TestClock();

	final HttpSignatures signatures = new HttpSignatures(clock, LOCAL);

	final List<HttpExchangeRecord> requests = new CopyOnWriteArrayList<>();

	final CountDownLatch release = new CountDownLatch(1);

	ExecutorService executor;

	HttpServer server;

	record HttpExchangeRecord(String method, URI uri, Map<String, List<String>> headers) {
	}

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		executor = Executors.newCachedThreadPool();
		server.setExecutor(executor);
		server.start();
	}

	@AfterEach
	void stop() throws InterruptedException {
		release.countDown();
		server.stop(0);
		executor.shutdownNow();
		executor.awaitTermination(5, TimeUnit.SECONDS);
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	void serve(String path, HttpHandler handler) {
		server.createContext(path, exchange -> {
			requests.add(new HttpExchangeRecord(exchange.getRequestMethod(), exchange.getRequestURI(),
					Map.copyOf(exchange.getRequestHeaders())));
			try (exchange) {
				handler.handle(exchange);
			}
		});
	}

	static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		if (contentType != null) {
			exchange.getResponseHeaders().set("Content-Type", contentType);
		}
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		exchange.getResponseBody().write(body);
	}

	static void redirect(HttpExchange exchange, String location) throws IOException {
		exchange.getResponseHeaders().set("Location", location);
		exchange.sendResponseHeaders(302, -1);
	}

	RemoteDocuments documents(FetchSettings settings) {
		return new RemoteDocuments(signatures, settings);
	}

	FetchFailed.Reason failure(Runnable fetch) {
		try {
			fetch.run();
		}
		catch (FetchFailed ex) {
			return ex.reason();
		}
		throw new AssertionError("the fetch succeeded");
	}

	@Test
	void aDocumentIsFetchedWithTheActivityPubAccept() {
		serve("/users/alice", ex -> send(ex, 200, "application/activity+json", "{\"id\":1}".getBytes()));

		RemoteDocument document = documents(LOCAL).get(uri("/users/alice"));

		assertThat(document.text()).isEqualTo("{\"id\":1}");
		assertThat(document.contentType()).isEqualTo("application/activity+json");
		assertThat(requests.get(0).headers().get("Accept").get(0)).startsWith("application/activity+json")
			.contains("application/ld+json");
	}

	@Test
	void loopbackIsRefusedUnlessTheTestSwitchIsOn() {
		serve("/", ex -> send(ex, 200, null, "secret".getBytes()));
		FetchSettings guarded = new FetchSettings(Duration.ofHours(1), true, false, Duration.ofSeconds(5),
				Duration.ofSeconds(10), DataSize.ofMegabytes(1), 3, Duration.ofDays(1));

		assertThat(failure(() -> documents(guarded).get(uri("/")))).isEqualTo(Reason.REFUSED_ADDRESS);
		assertThat(requests).isEmpty();
	}

	@Test
	void onlyHttpsIsFetchedByDefault() {
		RemoteDocuments defaults = documents(FetchSettings.defaults());

		assertThat(failure(() -> defaults.get(uri("/")))).isEqualTo(Reason.REFUSED_SCHEME);
		assertThat(failure(() -> defaults.get(URI.create("ftp://social.example/x")))).isEqualTo(Reason.REFUSED_SCHEME);
		assertThat(failure(() -> defaults.get(URI.create("file:///etc/passwd")))).isEqualTo(Reason.REFUSED_SCHEME);
	}

	@Test
	void aRedirectToAPrivateAddressIsRefusedBeforeItIsFollowed() throws IOException {
		serve("/start", ex -> redirect(ex, "http://intranet.example/admin"));
		InetAddress intranet = InetAddress.getByName("10.0.0.5");
		InetAddress pretendPublic = InetAddress.getByName("93.184.216.34");
		FetchSettings guarded = new FetchSettings(Duration.ofHours(1), true, false, Duration.ofSeconds(5),
				Duration.ofSeconds(10), DataSize.ofMegabytes(1), 3, Duration.ofDays(1));
		// the guard is told that the test server's 127.0.0.1 is public, and that the
		// redirect's
		// host is on the private network
		RemoteDocuments documents = new RemoteDocuments(signatures, guarded,
				host -> new InetAddress[] { host.equals("intranet.example") ? intranet : pretendPublic });

		assertThat(failure(() -> documents.get(uri("/start")))).isEqualTo(Reason.REFUSED_ADDRESS);
		assertThat(requests).hasSize(1);
	}

	@Test
	void redirectsAreFollowedAtMostThreeTimes() {
		for (int i = 0; i < 4; i++) {
			String next = "/hop" + (i + 1);
			serve("/hop" + i, ex -> redirect(ex, next));
		}
		serve("/hop4", ex -> send(ex, 200, "application/activity+json", "{}".getBytes()));

		RemoteDocument document = documents(LOCAL).get(uri("/hop1"));
		assertThat(document.uri()).isEqualTo(uri("/hop4"));
		assertThat(failure(() -> documents(LOCAL).get(uri("/hop0")))).isEqualTo(Reason.TOO_MANY_REDIRECTS);
	}

	@Test
	void aBodyOverTheLimitIsRefusedWithOrWithoutContentLength() {
		int limit = (int) LOCAL.maxResponseSize().toBytes();
		serve("/exact", ex -> send(ex, 200, "application/json", new byte[limit]));
		serve("/declared", ex -> send(ex, 200, "application/json", new byte[limit + 1]));
		serve("/chunked", ex -> {
			ex.sendResponseHeaders(200, 0);
			try (OutputStream out = ex.getResponseBody()) {
				byte[] chunk = new byte[64 * 1024];
				for (int sent = 0; sent <= limit; sent += chunk.length) {
					out.write(chunk);
				}
			}
			catch (IOException closedByTheClient) {
				// the client stops reading past the limit
			}
		});

		assertThat(documents(LOCAL).get(uri("/exact")).body()).hasSize(limit);
		assertThat(failure(() -> documents(LOCAL).get(uri("/declared")))).isEqualTo(Reason.TOO_LARGE);
		assertThat(failure(() -> documents(LOCAL).get(uri("/chunked")))).isEqualTo(Reason.TOO_LARGE);
	}

	@Test
	void aResponseThatStallsTimesOut() {
		serve("/slow-headers", ex -> await());
		serve("/slow-body", ex -> {
			ex.sendResponseHeaders(200, 100);
			ex.getResponseBody().write(new byte[10]);
			ex.getResponseBody().flush();
			await();
		});

		assertThat(failure(() -> documents(LOCAL).get(uri("/slow-headers")))).isEqualTo(Reason.TIMEOUT);
		assertThat(failure(() -> documents(LOCAL).get(uri("/slow-body")))).isEqualTo(Reason.TIMEOUT);
	}

	@Test
	void anErrorStatusIsReported() {
		serve("/gone", ex -> send(ex, 410, null, new byte[0]));

		assertThatThrownBy(() -> documents(LOCAL).get(uri("/gone"))).isInstanceOfSatisfying(FetchFailed.class, ex -> {
			assertThat(ex.reason()).isEqualTo(Reason.HTTP_STATUS);
			assertThat(ex.status()).isEqualTo(410);
		});
	}

	@Test
	void aSignedFetchCarriesAVerifiableSignature() {
		KeyPair instance = HttpSignaturesTest.ALICE;
		serve("/users/bob", ex -> send(ex, 200, "application/activity+json", "{}".getBytes()));

		documents(LOCAL).get(uri("/users/bob?page=1"),
				new SigningKey(HttpSignaturesTest.KEY_ID, instance.getPrivate()));

		HttpExchangeRecord received = requests.get(0);
		SignedRequest asReceived = new SignedRequest(received.method(), uri(received.uri().toString()),
				received.headers(), new byte[0]);
		assertThat(asReceived.header("Signature")).contains("headers=\"(request-target) host date\"");
		assertThat(signatures.verify(asReceived, HttpSignaturesTest.alice())).isEqualTo(HttpSignaturesTest.KEY_ID);
	}

	void await() {
		try {
			release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
