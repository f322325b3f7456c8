package org.broadsheet.fediverse.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.fediverse.signature.SignatureRejected.Reason;
import org.broadsheet.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our signatures against an independent implementation: Fedify (npm
 * {@code @fedify/fedify}, src/test/fedify) signs requests in both its specs
 * ({@code draft-cavage-http-signatures-12} and {@code rfc9421}) that we verify, and
 * verifies requests that we sign. Skipped where Node.js or npm is missing.
 */
class HttpSignaturesFedifyTest {

	static final String KEY_ID = HttpSignaturesTest.KEY_ID;

	static final String OWNER = "https://social.example/users/alice";

	static final String URL = "https://news.example/inbox?page=1";

	static final String BODY = "{\"type\":\"Create\",\"object\":{\"type\":\"Note\",\"content\":\"Hallo, Welt — ✓\"}}";

	static final List<String> SPECS = List.of("draft-cavage-http-signatures-12", "rfc9421");

	final TestClock clock = new TestClock();

	final HttpSignatures signatures = new HttpSignatures(clock, FetchSettings.defaults());

	@BeforeAll
	static void nodeIsHere() {
		String missing = FedifyPeer.unavailable();
		assumeTrue(missing == null, () -> "Fedify peer skipped: " + missing);
	}

	@Test
	void fedifySignsAndWeVerifyOrRefuse() throws Exception {
		List<Map<String, Object>> jobs = new ArrayList<>();
		for (String spec : SPECS) {
			jobs.add(signJob(spec, "POST", BODY, null));
			jobs.add(signJob(spec, "GET", "", null));
			jobs.add(signJob(spec, "POST", BODY, clock.instant().minus(Duration.ofHours(2)).toString()));
		}
		List<JsonNode> results = FedifyPeer.run(jobs);

		for (int i = 0; i < SPECS.size(); i++) {
			String spec = SPECS.get(i);
			SignedRequest post = request("POST", results.get(3 * i), BODY);
			SignedRequest get = request("GET", results.get(3 * i + 1), "");
			SignedRequest replayed = request("POST", results.get(3 * i + 2), BODY);
			assertThat(post.header(spec.equals("rfc9421") ? "Signature-Input" : "Digest")).as(spec).isNotNull();

			assertThat(signatures.verify(post, HttpSignaturesTest.alice())).as(spec).isEqualTo(KEY_ID);
			assertThat(signatures.verify(get, HttpSignaturesTest.alice())).as(spec).isEqualTo(KEY_ID);
			SignedRequest tampered = new SignedRequest("POST", post.uri(), post.headers(),
					BODY.replace("Welt", "World").getBytes(StandardCharsets.UTF_8));
			assertThat(reason(tampered)).as(spec + " tampered").isEqualTo(Reason.DIGEST_MISMATCH);
			assertThat(reason(replayed)).as(spec + " replayed").isEqualTo(Reason.STALE);
			Map<String, List<String>> unsignedHeaders = new HashMap<>(post.headers());
			unsignedHeaders.remove("signature");
			unsignedHeaders.remove("signature-input");
			assertThat(reason(new SignedRequest("POST", post.uri(), unsignedHeaders, post.body())))
				.as(spec + " unsigned")
				.isEqualTo(Reason.UNSIGNED);
			SignedRequest elsewhere = new SignedRequest("POST", URI.create("https://news.example/other"),
					post.headers(), post.body());
			assertThat(reason(elsewhere)).as(spec + " other target").isEqualTo(Reason.BAD_SIGNATURE);
		}
	}

	@Test
	void weSignAndFedifyVerifiesOrRefuses() throws Exception {
		List<Map<String, Object>> jobs = new ArrayList<>();
		for (SignatureStyle style : SignatureStyle.values()) {
			SignedRequest post = signatures.sign(request(BODY), KEY_ID, HttpSignaturesTest.ALICE.getPrivate(), style);
			SignedRequest get = signatures.sign(SignedRequest.of("GET", URI.create(URL)), KEY_ID,
					HttpSignaturesTest.ALICE.getPrivate(), style);
			SignedRequest forged = signatures.sign(request(BODY), KEY_ID, HttpSignaturesTest.MALLORY.getPrivate(),
					style);
			jobs.add(verifyJob(post, BODY));
			jobs.add(verifyJob(get, ""));
			jobs.add(verifyJob(post, BODY.replace("Welt", "World")));
			jobs.add(verifyJob(forged, BODY));
		}
		List<JsonNode> results = FedifyPeer.run(jobs);

		for (int i = 0; i < SignatureStyle.values().length; i++) {
			String style = SignatureStyle.values()[i].name();
			assertThat(results.get(4 * i).path("verified").asString(null)).as(style + " POST").isEqualTo(KEY_ID);
			assertThat(results.get(4 * i).path("owner").asString(null)).as(style + " owner").isEqualTo(OWNER);
			assertThat(results.get(4 * i + 1).path("verified").asString(null)).as(style + " GET").isEqualTo(KEY_ID);
			assertThat(results.get(4 * i + 2).path("verified").isNull()).as(style + " tampered").isTrue();
			assertThat(results.get(4 * i + 3).path("verified").isNull()).as(style + " forged").isTrue();
			assertThat(results.get(4 * i + 3).path("reason").asString()).as(style + " forged")
				.isEqualTo("invalidSignature");
		}
	}

	static SignedRequest request(String body) {
		return new SignedRequest("POST", URI.create(URL), Map.of("Content-Type", List.of("application/activity+json")),
				body.getBytes(StandardCharsets.UTF_8));
	}

	static Map<String, Object> signJob(String spec, String method, String body, String currentTime) {
		Map<String, Object> job = new LinkedHashMap<>();
		job.put("op", "sign");
		job.put("spec", spec);
		job.put("privateKey", Base64.getEncoder().encodeToString(HttpSignaturesTest.ALICE.getPrivate().getEncoded()));
		job.put("keyId", KEY_ID);
		job.put("method", method);
		job.put("url", URL);
		job.put("headers", body.isEmpty() ? Map.of("Accept", RemoteDocuments.ACCEPT)
				: Map.of("Content-Type", "application/activity+json"));
		job.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
		if (currentTime != null) {
			job.put("currentTime", currentTime);
		}
		return job;
	}

	static Map<String, Object> verifyJob(SignedRequest request, String body) {
		List<List<String>> headers = new ArrayList<>();
		request.headers().forEach((name, values) -> values.forEach(value -> headers.add(List.of(name, value))));
		Map<String, Object> job = new LinkedHashMap<>();
		job.put("op", "verify");
		job.put("publicKeyPem",
				"-----BEGIN PUBLIC KEY-----\n"
						+ Base64.getMimeEncoder(64, new byte[] { '\n' })
							.encodeToString(HttpSignaturesTest.ALICE.getPublic().getEncoded())
						+ "\n-----END PUBLIC KEY-----\n");
		job.put("keyId", KEY_ID);
		job.put("owner", OWNER);
		job.put("method", request.method());
		job.put("url", request.uri().toString());
		job.put("headers", headers);
		job.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
		return job;
	}

	static SignedRequest request(String method, JsonNode signed, String body) {
		Map<String, List<String>> headers = new HashMap<>();
		for (JsonNode pair : signed.path("headers")) {
			headers.computeIfAbsent(pair.get(0).asString(), name -> new ArrayList<>()).add(pair.get(1).asString());
		}
		return new SignedRequest(method, URI.create(URL), headers, body.getBytes(StandardCharsets.UTF_8));
	}

	Reason reason(SignedRequest request) {
		try {
			signatures.verify(request, HttpSignaturesTest.alice());
		}
		catch (SignatureRejected ex) {
			return ex.reason();
		}
		throw new AssertionError("the request was accepted");
	}

}
