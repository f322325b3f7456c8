package org.broadsheet.fediverse.signature;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.fediverse.signature.SignatureRejected.Reason;
import org.broadsheet.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tomitribe.auth.signatures.Algorithm;
import org.tomitribe.auth.signatures.Signature;
import org.tomitribe.auth.signatures.Signer;
import org.tomitribe.auth.signatures.SigningAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Signing and verifying in both styles with our own code on both ends; the independent
 * peer is in {@link HttpSignaturesFedifyTest}.
 */
class HttpSignaturesTest {

	static final String KEY_ID = "https://social.example/users/alice#main-key";

	static final KeyPair ALICE = rsa();

	static final KeyPair MALLORY = rsa();

	final TestClock clock = new TestClock();

	final HttpSignatures signatures = new HttpSignatures(clock, FetchSettings.defaults());

	static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new AssertionError(ex);
		}
	}

	static SignedRequest post(String body) {
		return new SignedRequest("POST", URI.create("https://news.example/inbox?page=1"),
				Map.of("Content-Type", List.of("application/activity+json")), body.getBytes(StandardCharsets.UTF_8));
	}

	static KeyResolver alice() {
		return keyId -> {
			assertThat(keyId).isEqualTo(KEY_ID);
			return ALICE.getPublic();
		};
	}

	SignedRequest signed(SignatureStyle style, String body) {
		return signatures.sign(post(body), KEY_ID, ALICE.getPrivate(), style);
	}

	@ParameterizedTest
	@EnumSource(SignatureStyle.class)
	void aSignedRequestVerifiesAndNamesItsKey(SignatureStyle style) {
		SignedRequest request = signed(style, "{\"type\":\"Follow\"}");

		assertThat(signatures.verify(request, alice())).isEqualTo(KEY_ID);
		assertThat(request.header("Host")).isEqualTo("news.example");
		assertThat(request.header("Date"))
			.matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
		if (style == SignatureStyle.CAVAGE) {
			assertThat(request.header("Digest")).startsWith("SHA-256=");
			assertThat(request.header("Signature")).startsWith("keyId=\"" + KEY_ID + "\"")
				.contains("algorithm=\"rsa-sha256\"")
				.contains("headers=\"(request-target) host date digest content-type\"");
		}
		else {
			assertThat(request.header("Content-Digest")).startsWith("sha-256=:").endsWith(":");
			assertThat(request.header("Signature-Input"))
				.startsWith("sig1=(\"@method\" \"@target-uri\" \"@authority\" \"content-digest\");created=")
				.contains(";keyid=\"" + KEY_ID + "\";alg=\"rsa-v1_5-sha256\"");
			assertThat(request.header("Signature")).startsWith("sig1=:");
		}
	}

	@ParameterizedTest
	@EnumSource(SignatureStyle.class)
	void aGetWithoutBodyNeedsNoDigest(SignatureStyle style) {
		SignedRequest request = signatures.sign(SignedRequest.of("GET", URI.create("https://news.example/actor")),
				KEY_ID, ALICE.getPrivate(), style);

		assertThat(signatures.verify(request, alice())).isEqualTo(KEY_ID);
		assertThat(request.header("Digest")).isNull();
		assertThat(request.header("Content-Digest")).isNull();
	}

	@ParameterizedTest
	@EnumSource(SignatureStyle.class)
	void aTamperedBodyIsRefusedByItsDigest(SignatureStyle style) {
		SignedRequest request = signed(style, "{\"content\":\"hello\"}");
		SignedRequest tampered = new SignedRequest(request.method(), request.uri(), request.headers(),
				"{\"content\":\"HELLO\"}".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> signatures.verify(tampered, alice())).isInstanceOf(SignatureRejected.class)
			.extracting(ex -> ((SignatureRejected) ex).reason())
			.isEqualTo(Reason.DIGEST_MISMATCH);
	}

	@ParameterizedTest
	@EnumSource(SignatureStyle.class)
	void aTamperedDigestIsRefusedByTheSignature(SignatureStyle style) {
		SignedRequest request = signed(style, "{\"content\":\"hello\"}");
		byte[] other = "{\"content\":\"HELLO\"}".getBytes(StandardCharsets.UTF_8);
		SignedRequest tampered = new SignedRequest(request.method(), request.uri(), request.headers(), other)
			.withHeader(style == SignatureStyle.CAVAGE ? "Digest" : "Content-Digest", style == SignatureStyle.CAVAGE
					? ContentDigests.digest(other) : ContentDigests.contentDigest(other));

		assertThat(reason(tampered, alice())).isEqualTo(Reason.BAD_SIGNATURE);
	}

	@ParameterizedTest
	@EnumSource(SignatureStyle.class)
	void aReplayedRequestOutsideTheSkewIsRefused(SignatureStyle style) {
		SignedRequest request = signed(style, "{}");

		clock.advance(Duration.ofMinutes(59));
		assertThat(signatures.verify(request, alice())).isEqualTo(KEY_ID);
		clock.advance(Duration.ofMinutes(2));
		assertThat(reason(request, alice())).isEqualTo(Reason.STALE);
	}

	@ParameterizedTest
	@EnumSource(SignatureStyle.class)
	void aRequestFromTheFutureIsRefused(SignatureStyle style) {
		TestClock ahead = new TestClock();
		ahead.advance(Duration.ofMinutes(61));
		SignedRequest request = new HttpSignatures(ahead, FetchSettings.defaults()).sign(post("{}"), KEY_ID,
				ALICE.getPrivate(), style);

		assertThat(reason(request, alice())).isEqualTo(Reason.STALE);
	}

	@Test
	void anUnsignedRequestIsRefused() {
		assertThat(reason(post("{}"), alice())).isEqualTo(Reason.UNSIGNED);
	}

	@ParameterizedTest
	@EnumSource(SignatureStyle.class)
	void aSignatureByAnotherKeyIsRefused(SignatureStyle style) {
		SignedRequest forged = signatures.sign(post("{}"), KEY_ID, MALLORY.getPrivate(), style);

		assertThat(reason(forged, alice())).isEqualTo(Reason.BAD_SIGNATURE);
	}

	@ParameterizedTest
	@EnumSource(SignatureStyle.class)
	void aRequestForAnotherAddressIsRefused(SignatureStyle style) {
		SignedRequest request = signed(style, "{}");
		SignedRequest elsewhere = new SignedRequest("POST", URI.create("https://news.example/other-inbox?page=1"),
				request.headers(), request.body());

		assertThat(reason(elsewhere, alice())).isEqualTo(Reason.BAD_SIGNATURE);
	}

	@Test
	void aCavageSignatureThatDoesNotCoverTheDigestIsRefused() throws Exception {
		SignedRequest request = post("{}").withHeader("Host", "news.example")
			.withHeader("Date", Freshness.formatDate(clock.instant()))
			.withHeader("Digest", ContentDigests.digest("{}".getBytes(StandardCharsets.UTF_8)));
		Signature template = new Signature(KEY_ID, SigningAlgorithm.RSA_SHA256, Algorithm.RSA_SHA256, null, null,
				List.of("(request-target)", "host", "date"));
		Signature signature = new Signer(ALICE.getPrivate(), template).sign("POST", "/inbox?page=1",
				Map.of("host", "news.example", "date", request.header("Date")));

		assertThat(reason(request.withHeader("Signature", signature.toParamString()), alice()))
			.isEqualTo(Reason.MISSING_COMPONENTS);
	}

	@Test
	void aMastodonStyleHs2019SignatureVerifies() throws Exception {
		SignedRequest request = post("{}").withHeader("Host", "news.example")
			.withHeader("Date", Freshness.formatDate(clock.instant()))
			.withHeader("Digest", ContentDigests.digest("{}".getBytes(StandardCharsets.UTF_8)));
		Signature template = new Signature(KEY_ID, SigningAlgorithm.HS2019, Algorithm.RSA_SHA256, null, null,
				List.of("(request-target)", "host", "date", "digest"));
		Signature signature = new Signer(ALICE.getPrivate(), template).sign("POST", "/inbox?page=1",
				Map.of("host", "news.example", "date", request.header("Date"), "digest", request.header("Digest")));

		assertThat(signature.toParamString()).contains("algorithm=\"hs2019\"");
		assertThat(signatures.verify(request.withHeader("Signature", signature.toParamString()), alice()))
			.isEqualTo(KEY_ID);
	}

	@Test
	void aCavageSignatureWithCreatedInsteadOfDateIsCheckedByOurClock() throws Exception {
		assertThat(signatures.verify(createdSignature(Duration.ofMinutes(10)), alice())).isEqualTo(KEY_ID);
		assertThat(reason(createdSignature(Duration.ofHours(2)), alice())).isEqualTo(Reason.STALE);
	}

	/** A draft-cavage signature over {@code (created)}, made by hand as Mastodon does. */
	SignedRequest createdSignature(Duration age) throws Exception {
		String digest = ContentDigests.digest("{}".getBytes(StandardCharsets.UTF_8));
		long created = clock.instant().minus(age).getEpochSecond();
		String signingString = "(request-target): post /inbox\n(created): " + created + "\nhost: news.example\ndigest: "
				+ digest;
		java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
		rsa.initSign(ALICE.getPrivate());
		rsa.update(signingString.getBytes(StandardCharsets.UTF_8));
		String field = "keyId=\"" + KEY_ID + "\",algorithm=\"hs2019\",created=" + created
				+ ",headers=\"(request-target) (created) host digest\",signature=\""
				+ java.util.Base64.getEncoder().encodeToString(rsa.sign()) + "\"";
		return post("{}").withHeader("Host", "news.example")
			.withHeader("Digest", digest)
			.withHeader("Signature", field);
	}

	@Test
	void anRfc9421SignatureWithoutTheMethodIsRefused() {
		SignedRequest request = signed(SignatureStyle.RFC9421, "{}");
		String input = request.header("Signature-Input").replace("\"@method\" ", "");

		assertThat(reason(request.withHeader("Signature-Input", input), alice())).isEqualTo(Reason.MISSING_COMPONENTS);
	}

	@Test
	void anRfc9421SignatureWithoutContentDigestIsRefused() {
		SignedRequest request = signed(SignatureStyle.RFC9421, "{}");
		String input = request.header("Signature-Input").replace(" \"content-digest\"", "");

		assertThat(reason(request.withHeader("Signature-Input", input), alice())).isEqualTo(Reason.MISSING_COMPONENTS);
	}

	@Test
	void anExpiredRfc9421SignatureIsRefused() {
		SignedRequest request = signed(SignatureStyle.RFC9421, "{}");
		long past = clock.instant().getEpochSecond() - 1;
		String input = request.header("Signature-Input") + ";expires=" + past;

		assertThat(reason(request.withHeader("Signature-Input", input), alice())).isEqualTo(Reason.STALE);
	}

	@Test
	void aMalformedSignatureFieldIsRefused() {
		assertThat(reason(post("{}").withHeader("Signature-Input", "sig1=(\"@method\""), alice()))
			.isEqualTo(Reason.MALFORMED);
		assertThat(reason(post("{}").withHeader("Signature", "keyId=\"x\""), alice())).isEqualTo(Reason.MALFORMED);
	}

	@ParameterizedTest
	@EnumSource(SignatureStyle.class)
	void aRotatedKeyIsFetchedAgainOnce(SignatureStyle style) {
		KeyPair rotated = rsa();
		SignedRequest request = signatures.sign(post("{}"), KEY_ID, rotated.getPrivate(), style);
		AtomicInteger refetches = new AtomicInteger();
		KeyResolver stale = new KeyResolver() {

			@Override
			public PublicKey find(String keyId) {
				return ALICE.getPublic();
			}

			@Override
			public PublicKey refetch(String keyId) {
				refetches.incrementAndGet();
				return rotated.getPublic();
			}

		};

		assertThat(signatures.verify(request, stale)).isEqualTo(KEY_ID);
		assertThat(refetches).hasValue(1);
	}

	Reason reason(SignedRequest request, KeyResolver keys) {
		try {
			signatures.verify(request, keys);
		}
		catch (SignatureRejected ex) {
			return ex.reason();
		}
		throw new AssertionError("the request was accepted");
	}

}
