package org.broadsheet.fediverse.signature;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.broadsheet.fediverse.signature.SignatureRejected.Reason;
import org.greenbytes.http.sfv.ByteSequenceItem;
import org.greenbytes.http.sfv.Dictionary;
import org.greenbytes.http.sfv.InnerList;
import org.greenbytes.http.sfv.IntegerItem;
import org.greenbytes.http.sfv.Item;
import org.greenbytes.http.sfv.ListElement;
import org.greenbytes.http.sfv.Parameters;
import org.greenbytes.http.sfv.ParseException;
import org.greenbytes.http.sfv.Parser;
import org.greenbytes.http.sfv.StringItem;

/**
 * RFC 9421 HTTP Message Signatures for requests: the signature base (§2.5) from derived
 * components ({@code @method}, {@code @target-uri}, {@code @authority}, {@code @scheme},
 * {@code @path}, {@code @query}, {@code @request-target}) and header fields without
 * parameters; algorithms {@code rsa-v1_5-sha256} and {@code ed25519} (§3.3). The
 * structured fields (RFC 8941) are parsed and serialized by greenbytes'
 * structured-fields.
 */
final class Rfc9421Signatures {

	/** The label of the signatures made here. */
	static final String LABEL = "sig1";

	private Rfc9421Signatures() {
	}

	/**
	 * @param request a request that already has {@code Content-Digest} when it has a body
	 * @param keyId the signer's key id
	 * @param key the signer's RSA private key
	 * @param created when the signature is made (UTC, whole seconds are sent)
	 * @return the {@code Signature-Input} and {@code Signature} fields' values, in this
	 * order
	 */
	static String[] sign(SignedRequest request, String keyId, PrivateKey key, Instant created) {
		List<Item<? extends Object>> components = new ArrayList<>();
		for (String name : List.of("@method", "@target-uri", "@authority")) {
			components.add(StringItem.valueOf(name));
		}
		if (request.body().length > 0) {
			components.add(StringItem.valueOf("content-digest"));
		}
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("created", created.getEpochSecond());
		params.put("keyid", keyId);
		params.put("alg", "rsa-v1_5-sha256");
		InnerList input = InnerList.valueOf(components).withParams(Parameters.valueOf(params));
		byte[] base = base(request, input).getBytes(StandardCharsets.UTF_8);
		byte[] signature;
		try {
			java.security.Signature signer = java.security.Signature.getInstance("SHA256withRSA");
			signer.initSign(key);
			signer.update(base);
			signature = signer.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot sign with the key " + keyId, ex);
		}
		Map<String, ListElement<? extends Object>> inputs = new LinkedHashMap<>();
		inputs.put(LABEL, input);
		Map<String, ListElement<? extends Object>> signatures = new LinkedHashMap<>();
		signatures.put(LABEL, ByteSequenceItem.valueOf(signature));
		return new String[] { Dictionary.valueOf(inputs).serialize(), Dictionary.valueOf(signatures).serialize() };
	}

	/**
	 * Reads and checks every signature of the request: parse, required coverage, time and
	 * {@code Content-Digest}.
	 * @param request the received request
	 * @param clock the verifier's clock
	 * @param skew how far {@code created} (or a covered {@code Date}) may be from now
	 * @return the signatures that passed, to be verified with the signers' keys (never
	 * empty)
	 * @throws SignatureRejected the first signature's failure when none passed
	 */
	static List<Candidate> check(SignedRequest request, Clock clock, Duration skew) {
		Map<String, ListElement<? extends Object>> inputs;
		Map<String, ListElement<? extends Object>> signatures;
		try {
			inputs = Parser.parseDictionary(request.header("Signature-Input")).get();
			String signatureField = request.header("Signature");
			signatures = signatureField == null ? Map.of() : Parser.parseDictionary(signatureField).get();
		}
		catch (ParseException ex) {
			throw new SignatureRejected(Reason.MALFORMED, "Signature-Input or Signature: " + ex.getMessage(), ex);
		}
		List<Candidate> passed = new ArrayList<>();
		SignatureRejected first = null;
		for (Map.Entry<String, ListElement<? extends Object>> entry : inputs.entrySet()) {
			try {
				passed.add(check(request, entry.getKey(), entry.getValue(), signatures.get(entry.getKey()),
						clock.instant(), skew));
			}
			catch (SignatureRejected ex) {
				if (first == null) {
					first = ex;
				}
			}
		}
		if (passed.isEmpty()) {
			throw first != null ? first : new SignatureRejected(Reason.UNSIGNED, "Signature-Input is empty");
		}
		return passed;
	}

	private static Candidate check(SignedRequest request, String label, ListElement<? extends Object> input,
			ListElement<? extends Object> signature, Instant now, Duration skew) {
		if (!(input instanceof InnerList list) || !(signature instanceof ByteSequenceItem bytes)) {
			throw new SignatureRejected(Reason.MALFORMED, "signature " + label + " lacks its input or its value");
		}
		List<String> covered = new ArrayList<>();
		for (Item<? extends Object> item : list.get()) {
			if (!(item instanceof StringItem name) || !item.getParams().isEmpty()) {
				throw new SignatureRejected(Reason.MALFORMED, "component " + item.serialize() + " is not supported");
			}
			covered.add(name.get());
		}
		Parameters params = list.getParams();
		String keyId = params.get("keyid") instanceof StringItem s ? s.get() : null;
		if (keyId == null) {
			throw new SignatureRejected(Reason.MALFORMED, "signature " + label + " has no keyid");
		}
		String alg = params.get("alg") instanceof StringItem s ? s.get() : null;
		if (alg != null && !alg.equals("rsa-v1_5-sha256") && !alg.equals("ed25519")) {
			throw new SignatureRejected(Reason.MALFORMED, "alg " + alg + " is not used here");
		}
		requireCovered(covered, "@method");
		boolean hasQuery = request.uri().getRawQuery() != null;
		if (!covered.contains("@target-uri") && !(covered.contains("@authority") && covered.contains("@path")
				&& (!hasQuery || covered.contains("@query")))) {
			throw new SignatureRejected(Reason.MISSING_COMPONENTS,
					"the signature covers neither @target-uri nor @authority with @path (and @query)");
		}
		Instant created = params.get("created") instanceof IntegerItem i ? Instant.ofEpochSecond(i.get()) : null;
		Instant expires = params.get("expires") instanceof IntegerItem i ? Instant.ofEpochSecond(i.get()) : null;
		if (created == null && !covered.contains("date")) {
			throw new SignatureRejected(Reason.MISSING_COMPONENTS, "the signature has no created and covers no date");
		}
		Freshness.check(created != null ? created : Freshness.parseDate(request.header("Date")), expires, now, skew);
		if (request.body().length > 0) {
			requireCovered(covered, "content-digest");
		}
		if (covered.contains("content-digest")) {
			ContentDigests.checkContentDigest(request.header("Content-Digest"), request.body());
		}
		String base = base(request, list);
		ByteBuffer buffer = bytes.get();
		byte[] value = new byte[buffer.remaining()];
		buffer.duplicate().get(value);
		return new Parsed(keyId, alg, base.getBytes(StandardCharsets.UTF_8), value);
	}

	private static void requireCovered(List<String> covered, String name) {
		if (!covered.contains(name)) {
			throw new SignatureRejected(Reason.MISSING_COMPONENTS, "the signature does not cover " + name);
		}
	}

	/**
	 * @return the signature base (RFC 9421 §2.5): one line per component, then
	 * {@code "@signature-params"} with the serialized input
	 */
	private static String base(SignedRequest request, InnerList input) {
		StringBuilder base = new StringBuilder();
		for (Item<? extends Object> item : input.get()) {
			String name = ((StringItem) item).get();
			base.append(item.serialize()).append(": ").append(value(request, name)).append('\n');
		}
		return base.append("\"@signature-params\": ").append(input.serialize()).toString();
	}

	private static String value(SignedRequest request, String name) {
		String scheme = request.uri().getScheme().toLowerCase(Locale.ROOT);
		String path = request.uri().getRawPath() == null || request.uri().getRawPath().isEmpty() ? "/"
				: request.uri().getRawPath();
		String value = switch (name) {
			case "@method" -> request.method();
			case "@target-uri" -> scheme + "://" + request.authority() + request.pathAndQuery();
			case "@authority" -> request.authority();
			case "@scheme" -> scheme;
			case "@path" -> path;
			case "@query" -> "?" + (request.uri().getRawQuery() == null ? "" : request.uri().getRawQuery());
			case "@request-target" -> request.pathAndQuery();
			default -> {
				if (name.startsWith("@") || !name.equals(name.toLowerCase(Locale.ROOT))) {
					throw new SignatureRejected(Reason.MALFORMED, "component " + name + " is not supported");
				}
				yield request.header(name);
			}
		};
		if (value == null) {
			throw new SignatureRejected(Reason.MISSING_COMPONENTS,
					"the signature covers " + name + ", which the request does not have");
		}
		return value;
	}

	private record Parsed(String keyId, String alg, byte[] base, byte[] signature) implements Candidate {

		@Override
		public boolean verifiesWith(PublicKey key) {
			String jvm;
			if (key instanceof RSAKey && (alg == null || alg.equals("rsa-v1_5-sha256"))) {
				jvm = "SHA256withRSA";
			}
			else if (key.getAlgorithm().startsWith("Ed") && (alg == null || alg.equals("ed25519"))) {
				jvm = "Ed25519";
			}
			else {
				return false;
			}
			try {
				java.security.Signature verifier = java.security.Signature.getInstance(jvm);
				verifier.initVerify(key);
				verifier.update(base);
				return verifier.verify(signature);
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				return false;
			}
		}

	}

}
