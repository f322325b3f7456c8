package org.broadsheet.fediverse.actor;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Each actor's RSA key pair (2048 bits), made on first need and kept in
 * {@code fediverse_actor_key}. Made outside any transaction (generating takes tens of
 * milliseconds, and SQLite has one writer), then stored with
 * {@code INSERT … ON CONFLICT DO NOTHING} and read back: when two nodes (or two requests)
 * make one at the same moment, both end with the one that was stored first. A key is
 * never changed once stored, so each node keeps those it has read in memory; rotating
 * keys will need the change log.
 */
@Service
public class ActorKeys {

	/** RSA modulus length, bits: what Mastodon makes for its own actors. */
	static final int BITS = 2048;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<String, ActorKey> known = new ConcurrentHashMap<>();

	ActorKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @param actorKey {@code site}, {@code author:<id>} or {@code section:<id>}
	 * @return the actor's key pair, made and stored now if it has none
	 */
	public ActorKey of(String actorKey) {
		var key = known.get(actorKey);
		if (key != null) {
			return key;
		}
		key = stored(actorKey).orElseGet(() -> create(actorKey));
		known.put(actorKey, key);
		return key;
	}

	private ActorKey create(String actorKey) {
		KeyPair pair = generate();
		jdbc.sql("INSERT INTO fediverse_actor_key (actor_key, public_pem, private_pem, created_at) "
				+ "VALUES (?, ?, ?, ?) ON CONFLICT (actor_key) DO NOTHING")
			.params(actorKey, Pem.publicKey(pair.getPublic()), Pem.privateKey(pair.getPrivate()), clock.millis())
			.update();
		// Ours, or the one another node stored first.
		return stored(actorKey).orElseThrow();
	}

	private Optional<ActorKey> stored(String actorKey) {
		return jdbc.sql("SELECT public_pem, private_pem, created_at FROM fediverse_actor_key WHERE actor_key = ?")
			.param(actorKey)
			.query((rs, n) -> new ActorKey(actorKey, rs.getString(1), privateKey(rs.getString(2)), rs.getLong(3)))
			.optional();
	}

	private static java.security.PrivateKey privateKey(String pem) {
		try {
			return Pem.readPrivateKey(pem);
		}
		catch (GeneralSecurityException ex) {
			// Not the text: it is the private key.
			throw new IllegalStateException("fediverse_actor_key holds a private key that is not RSA PKCS #8");
		}
	}

	private static KeyPair generate() {
		try {
			var generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(BITS);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("RSA is part of every Java runtime", ex);
		}
	}

}
