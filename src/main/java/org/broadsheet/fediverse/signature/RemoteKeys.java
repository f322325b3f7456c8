package org.broadsheet.fediverse.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.broadsheet.fediverse.signature.SignatureRejected.Reason;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.tomitribe.auth.signatures.PEM;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Peers' public keys by key id, fetched from their actor documents and kept in memory
 * (Caffeine) for {@link FetchSettings#keyCacheTtl()}: the {@link KeyResolver} of the
 * inbox. A key id such as {@code https://social.example/users/alice#main-key} is fetched
 * without its fragment; the document is the key itself ({@code publicKeyPem}) or an actor
 * whose {@code publicKey} (one object or several) has that {@code id}. When a signature
 * fails with a cached key, the key is fetched again once ({@link #refetch}) — the owner
 * may have rotated it — unless it was fetched less than {@link #MIN_REFETCH} ago, so that
 * bad signatures cannot make this server fetch keys in a loop. Fetches are signed with
 * the instance's {@link SigningKey} when there is such a bean (authorized fetch).
 */
@Component
public class RemoteKeys implements KeyResolver {

	/**
	 * A key fetched more recently than this is not fetched again on a failed signature.
	 */
	public static final Duration MIN_REFETCH = Duration.ofMinutes(1);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RemoteDocuments documents;

	private final Clock clock;

	private final ObjectProvider<SigningKey> instanceKey;

	private final Cache<String, Fetched> cache;

	/**
	 * @param documents fetches the key documents
	 * @param settings {@link FetchSettings#keyCacheTtl()}
	 * @param clock ages the cache's entries
	 * @param instanceKey the key that signs fetches, when the application has one
	 */
	public RemoteKeys(RemoteDocuments documents, FetchSettings settings, Clock clock,
			ObjectProvider<SigningKey> instanceKey) {
		this.documents = documents;
		this.clock = clock;
		this.instanceKey = instanceKey;
		this.cache = Caffeine.newBuilder()
			.maximumSize(10_000)
			.expireAfterWrite(settings.keyCacheTtl())
			.ticker(() -> clock.millis() * 1_000_000L)
			.build();
	}

	/**
	 * @param keyId a signature's key id
	 * @return the key, from the cache or fetched
	 * @throws SignatureRejected with reason UNKNOWN_KEY when it cannot be fetched or read
	 */
	@Override
	public PublicKey find(String keyId) {
		return cache.get(keyId, this::fetch).key();
	}

	/**
	 * @param keyId a signature's key id
	 * @return the key fetched anew, or the cached one when that was fetched less than
	 * {@link #MIN_REFETCH} ago
	 * @throws SignatureRejected with reason UNKNOWN_KEY when it cannot be fetched or read
	 */
	@Override
	public PublicKey refetch(String keyId) {
		Fetched cached = cache.getIfPresent(keyId);
		if (cached != null && clock.millis() - cached.fetchedAt() < MIN_REFETCH.toMillis()) {
			return cached.key();
		}
		Fetched fresh = fetch(keyId);
		cache.put(keyId, fresh);
		return fresh.key();
	}

	/**
	 * @param keyId a key id that {@link #find} resolved
	 * @return the key's {@code owner} (the actor's id) as its document says, or null when
	 * it names none
	 * @throws SignatureRejected with reason UNKNOWN_KEY when it cannot be fetched or read
	 */
	public String owner(String keyId) {
		return cache.get(keyId, this::fetch).owner();
	}

	private Fetched fetch(String keyId) {
		URI document;
		try {
			URI id = new URI(keyId);
			document = new URI(id.getScheme(), id.getSchemeSpecificPart(), null);
		}
		catch (URISyntaxException ex) {
			throw new SignatureRejected(Reason.UNKNOWN_KEY, "keyId is not a URI: " + keyId, ex);
		}
		RemoteDocument fetched;
		try {
			fetched = documents.get(document, instanceKey.getIfAvailable());
		}
		catch (FetchFailed ex) {
			throw new SignatureRejected(Reason.UNKNOWN_KEY, "cannot fetch " + keyId + ": " + ex.getMessage(), ex);
		}
		JsonNode key;
		try {
			key = keyNode(JSON.readTree(fetched.body()), keyId);
		}
		catch (JacksonException ex) {
			throw new SignatureRejected(Reason.UNKNOWN_KEY, document + " is not JSON", ex);
		}
		if (key == null || !key.path("publicKeyPem").isString()) {
			throw new SignatureRejected(Reason.UNKNOWN_KEY, document + " has no publicKeyPem for " + keyId);
		}
		try {
			PublicKey publicKey = PEM.readPublicKey(
					new ByteArrayInputStream(key.path("publicKeyPem").asString().getBytes(StandardCharsets.UTF_8)));
			String owner = key.path("owner").isString() ? key.path("owner").asString() : null;
			return new Fetched(publicKey, owner, clock.millis());
		}
		catch (IOException | InvalidKeySpecException | RuntimeException ex) {
			throw new SignatureRejected(Reason.UNKNOWN_KEY, "the publicKeyPem of " + keyId + " is not a public key",
					ex);
		}
	}

	private static JsonNode keyNode(JsonNode document, String keyId) {
		if (document.has("publicKeyPem")) {
			return keyId.equals(document.path("id").asString(null)) ? document : null;
		}
		JsonNode keys = document.path("publicKey");
		if (keys.isObject()) {
			return keyId.equals(keys.path("id").asString(null)) ? keys : null;
		}
		for (JsonNode candidate : keys) {
			if (keyId.equals(candidate.path("id").asString(null))) {
				return candidate;
			}
		}
		return null;
	}

	private record Fetched(PublicKey key, String owner, long fetchedAt) {
	}

}
