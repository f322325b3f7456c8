package org.broadsheet.fediverse.signature;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.broadsheet.fediverse.signature.SignatureRejected.Reason;
import org.broadsheet.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Peers' keys fetched from their actor documents on a local server, cached and rotated.
 */
class RemoteKeysTest {

	final TestClock clock = new TestClock();

	final HttpSignatures signatures = new HttpSignatures(clock, RemoteDocumentsTest.LOCAL);

	final AtomicInteger fetches = new AtomicInteger();

	final AtomicReference<KeyPair> published = new AtomicReference<>(HttpSignaturesTest.ALICE);

	final AtomicReference<String> publishedId = new AtomicReference<>();

	HttpServer server;

	RemoteKeys keys;

	String actor;

	String keyId;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		actor = "http://127.0.0.1:" + server.getAddress().getPort() + "/users/alice";
		keyId = actor + "#main-key";
		publishedId.set(keyId);
		server.createContext("/users/alice", exchange -> {
			fetches.incrementAndGet();
			String json = "{\"@context\":[\"https://www.w3.org/ns/activitystreams\",\"https://w3id.org/security/v1\"],"
					+ "\"id\":\"" + actor + "\",\"type\":\"Person\",\"publicKey\":{\"id\":\"" + publishedId.get()
					+ "\",\"owner\":\"" + actor + "\",\"publicKeyPem\":\"" + pem(published.get().getPublic()) + "\"}}";
			byte[] body = json.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/activity+json");
			exchange.sendResponseHeaders(200, body.length);
			try (exchange) {
				exchange.getResponseBody().write(body);
			}
		});
		server.start();
		keys = new RemoteKeys(new RemoteDocuments(signatures, RemoteDocumentsTest.LOCAL), RemoteDocumentsTest.LOCAL,
				clock, new StaticListableBeanFactory().getBeanProvider(SigningKey.class));
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	/**
	 * The PEM as a JSON string's content: lines of 64 characters joined by {@code \\n}.
	 */
	static String pem(PublicKey key) {
		String base64 = Base64.getEncoder().encodeToString(key.getEncoded());
		StringBuilder pem = new StringBuilder("-----BEGIN PUBLIC KEY-----\\n");
		for (int i = 0; i < base64.length(); i += 64) {
			pem.append(base64, i, Math.min(base64.length(), i + 64)).append("\\n");
		}
		return pem.append("-----END PUBLIC KEY-----\\n").toString();
	}

	SignedRequest signedBy(KeyPair pair) {
		return signatures.sign(
				new SignedRequest("POST", URI.create("https://news.example/inbox"), Map.of(), "{}".getBytes()), keyId,
				pair.getPrivate(), SignatureStyle.CAVAGE);
	}

	@Test
	void aKeyIsFetchedOnceAndKeptForADay() {
		assertThat(keys.find(keyId)).isEqualTo(HttpSignaturesTest.ALICE.getPublic());
		assertThat(keys.owner(keyId)).isEqualTo(actor);
		assertThat(keys.find(keyId)).isEqualTo(HttpSignaturesTest.ALICE.getPublic());
		assertThat(fetches).hasValue(1);

		clock.advance(Duration.ofHours(23));
		keys.find(keyId);
		assertThat(fetches).hasValue(1);
		clock.advance(Duration.ofHours(2));
		keys.find(keyId);
		assertThat(fetches).hasValue(2);
	}

	@Test
	void aRotatedKeyIsFetchedAgainWhenASignatureFails() {
		assertThat(signatures.verify(signedBy(HttpSignaturesTest.ALICE), keys)).isEqualTo(keyId);
		KeyPair rotated = HttpSignaturesTest.MALLORY;
		published.set(rotated);
		clock.advance(Duration.ofMinutes(5));

		assertThat(signatures.verify(signedBy(rotated), keys)).isEqualTo(keyId);
		assertThat(fetches).hasValue(2);
		assertThat(signatures.verify(signedBy(rotated), keys)).isEqualTo(keyId);
		assertThat(fetches).hasValue(2);
	}

	@Test
	void badSignaturesDoNotMakeUsFetchInALoop() {
		keys.find(keyId);
		for (int i = 0; i < 3; i++) {
			assertThatThrownBy(() -> signatures.verify(signedBy(HttpSignaturesTest.MALLORY), keys))
				.isInstanceOfSatisfying(SignatureRejected.class,
						ex -> assertThat(ex.reason()).isEqualTo(Reason.BAD_SIGNATURE));
		}
		assertThat(fetches).hasValue(1);
	}

	@Test
	void aDocumentWhoseKeyHasAnotherIdIsRefused() {
		publishedId.set(actor + "#other-key");

		assertThatThrownBy(() -> keys.find(keyId)).isInstanceOfSatisfying(SignatureRejected.class,
				ex -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_KEY));
	}

	@Test
	void anUnreachableKeyIsUnknown() {
		assertThatThrownBy(() -> keys.find("http://127.0.0.1:" + server.getAddress().getPort() + "/nobody#key"))
			.isInstanceOfSatisfying(SignatureRejected.class,
					ex -> assertThat(ex.reason()).isEqualTo(Reason.UNKNOWN_KEY));
		assertThat(List.of(fetches.get())).containsExactly(0);
	}

}
