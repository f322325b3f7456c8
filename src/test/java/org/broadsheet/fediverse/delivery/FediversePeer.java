package org.broadsheet.fediverse.delivery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.broadsheet.fediverse.signature.FetchSettings;
import org.broadsheet.fediverse.signature.HttpSignatures;
import org.broadsheet.fediverse.signature.SignatureStyle;
import org.broadsheet.fediverse.signature.SignedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fediverse server for tests: a JDK {@code HttpServer} on 127.0.0.1 with actors
 * ({@code /users/<name>}, each with its RSA key, its inbox {@code /users/<name>/inbox}
 * and the shared inbox {@code /inbox}), that records every POST it receives and answers
 * the statuses it is told to (202 by default), and that POSTs activities signed
 * draft-cavage style with {@link HttpSignatures}.
 */
final class FediversePeer implements AutoCloseable {

	/** A POST the peer received. */
	record Received(String path, SignedRequest request, JsonNode activity) {
	}

	private final HttpServer server;

	private final Map<String, KeyPair> keys = new LinkedHashMap<>();

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

	private final JsonMapper json = new JsonMapper();

	private final HttpClient http = HttpClient.newHttpClient();

	FediversePeer(String... actors) throws Exception {
		var generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		for (String actor : actors) {
			keys.put(actor, generator.generateKeyPair());
		}
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", this::serve);
		server.start();
	}

	String base() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	String actorId(String name) {
		return base() + "/users/" + name;
	}

	/** The next POSTs answer these statuses, in order; then 202 again. */
	void answer(Integer... next) {
		Collections.addAll(statuses, next);
	}

	/**
	 * @return the next POST received, waiting at most {@code seconds}, or null
	 */
	Received next(int seconds) throws InterruptedException {
		return received.poll(seconds, TimeUnit.SECONDS);
	}

	/**
	 * @return the POSTs received so far and not yet taken
	 */
	List<Received> drain() {
		List<Received> all = new ArrayList<>();
		received.drainTo(all);
		return all;
	}

	/**
	 * POSTs an activity signed by one of the peer's actors.
	 * @param clock the time the signature carries
	 * @param tamper change the body after signing
	 * @return the response
	 */
	HttpResponse<String> post(String url, String actor, Map<String, Object> activity, Clock clock, boolean tamper)
			throws Exception {
		byte[] body = json.writeValueAsBytes(activity);
		var signed = new HttpSignatures(clock, FetchSettings.defaults()).sign(new SignedRequest("POST", URI.create(url),
				Map.of("Content-Type", List.of("application/activity+json")), body), actorId(actor) + "#main-key",
				keys.get(actor).getPrivate(), SignatureStyle.CAVAGE);
		if (tamper) {
			body = new String(body, StandardCharsets.UTF_8).replace("Follow", "FolloW")
				.getBytes(StandardCharsets.UTF_8);
		}
		var request = HttpRequest.newBuilder(URI.create(url))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.header("Content-Type", "application/activity+json");
		for (String name : List.of("Date", "Digest", "Signature")) {
			request.header(name, signed.header(name));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (exchange.getRequestMethod().equals("GET") && path.startsWith("/users/")) {
				String name = path.substring("/users/".length());
				if (!keys.containsKey(name)) {
					exchange.sendResponseHeaders(404, -1);
					return;
				}
				byte[] document = json.writeValueAsBytes(actor(name));
				exchange.getResponseHeaders().add("Content-Type", "application/activity+json");
				exchange.sendResponseHeaders(200, document.length);
				exchange.getResponseBody().write(document);
				return;
			}
			byte[] body = exchange.getRequestBody().readAllBytes();
			Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
			var request = new SignedRequest("POST",
					URI.create("http://" + exchange.getRequestHeaders().getFirst("Host") + path), headers, body);
			// The status first: a test that sees this POST may set the next ones at once.
			Integer status = statuses.poll();
			received.add(new Received(path, request, json.readTree(body)));
			exchange.sendResponseHeaders(status == null ? 202 : status, -1);
		}
	}

	private Map<String, Object> actor(String name) {
		String id = actorId(name);
		Map<String, Object> actor = new LinkedHashMap<>();
		actor.put("@context", List.of("https://www.w3.org/ns/activitystreams", "https://w3id.org/security/v1"));
		actor.put("id", id);
		actor.put("type", "Person");
		actor.put("preferredUsername", name);
		actor.put("inbox", id + "/inbox");
		actor.put("endpoints", Map.of("sharedInbox", base() + "/inbox"));
		actor.put("publicKey", Map.of("id", id + "#main-key", "owner", id, "publicKeyPem",
				pem(keys.get(name).getPublic().getEncoded())));
		return actor;
	}

	static String pem(byte[] der) {
		return "-----BEGIN PUBLIC KEY-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END PUBLIC KEY-----\n";
	}

	/** Reads a {@code BEGIN PUBLIC KEY} PEM. */
	static PublicKey publicKey(String pem) throws Exception {
		String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
