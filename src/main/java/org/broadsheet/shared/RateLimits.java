package org.broadsheet.shared;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) for the throttles and rate limits. On PostgreSQL they are rows
 * of {@code rate_limit_bucket}, changed under {@code SELECT … FOR UPDATE}, so that every
 * node counts against the same limit (N nodes do not allow N times the limit); on SQLite,
 * which one node serves, they are in this node's memory. On PostgreSQL the buckets have
 * three connections of their own; a call that waits over two seconds (for a connection or
 * a row lock) throws, and the throttles answer it as a refusal, never an error page. A
 * bucket is found by its key (e.g. {@code login-account:ana@example.com}) and made with
 * its configuration on first use.
 */
@Component
public class RateLimits {

	private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

	/** A bucket untouched this long is forgotten (all limits refill within two hours). */
	static final Duration KEPT = Duration.ofHours(2);

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> shared;

	private final Cache<String, Bucket> local = Caffeine.newBuilder()
		.maximumSize(200_000)
		.expireAfterAccess(KEPT)
		.build();

	/**
	 * The buckets' own few connections, so that a busy bucket never holds up a reader's
	 * page.
	 */
	private final HikariDataSource connections;

	RateLimits(DataSource dataSource) {
		boolean postgres = postgres(dataSource);
		this.connections = postgres && dataSource instanceof HikariDataSource main ? ownPool(main) : null;
		this.shared = postgres
				? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(connections != null ? connections : dataSource)
					.primaryKeyMapper(PrimaryKeyMapper.STRING)
					.table("rate_limit_bucket")
					.idColumn("id")
					.stateColumn("state")
					.expiresAtColumn("expires_at")
					.expirationAfterWrite(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
					.build()
				: null;
	}

	/**
	 * @return whether the buckets are shared by every node (PostgreSQL)
	 */
	public boolean shared() {
		return shared != null;
	}

	/**
	 * @param key unique per limit and subject, any text (stored hashed)
	 * @param configuration the limits, used when the bucket does not exist yet
	 * @return the bucket; on PostgreSQL each call on it is one short transaction of its
	 * own
	 */
	public Bucket bucket(String key, Supplier<BucketConfiguration> configuration) {
		if (shared != null) {
			return shared.getProxy(stored(key), configuration);
		}
		return local.get(key, k -> {
			var builder = Bucket.builder();
			for (Bandwidth limit : configuration.get().getBandwidths()) {
				builder.addLimit(limit);
			}
			return builder.build();
		});
	}

	/** Forgets the bucket: its next use starts full. */
	public void forget(String key) {
		if (shared != null) {
			shared.removeProxy(stored(key));
		}
		else {
			local.invalidate(key);
		}
	}

	/**
	 * Removes shared buckets that have refilled completely (they would start full
	 * anyway): at most 10,000 a run, so that the scheduler's one thread is soon free for
	 * the others.
	 */
	@Scheduled(fixedDelayString = "${broadsheet.rate-limits.cleanup-interval:1m}")
	void removeFull() {
		if (shared != null) {
			try {
				for (int batch = 0; batch < 10 && shared.removeExpired(1000) == 1000; batch++) {
					// More to remove.
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not remove refilled rate-limit buckets: {}", ex.getMessage());
			}
		}
	}

	/**
	 * @return the key as stored: its SHA-256, hex. Keys hold what readers typed (an email
	 * address, with any character in it, a NUL included), which the table should neither
	 * keep in clear nor fail on.
	 */
	static String stored(String key) {
		return Digests.sha256Hex(key);
	}

	/**
	 * Three connections like the main pool's; a request that waits over two seconds for
	 * one, or for a bucket's row lock, fails and is answered as throttled by the caller.
	 */
	private static HikariDataSource ownPool(HikariDataSource main) {
		var config = new HikariConfig();
		main.copyStateTo(config);
		config.setPoolName("rate-limits");
		config.setMaximumPoolSize(3);
		config.setMinimumIdle(0);
		config.setConnectionTimeout(2_000);
		config.addDataSourceProperty("options", "-c lock_timeout=2000");
		return new HikariDataSource(config);
	}

	@PreDestroy
	void close() {
		if (connections != null) {
			connections.close();
		}
	}

	private static boolean postgres(DataSource dataSource) {
		try (var connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reach the database to choose where rate limits live", ex);
		}
	}

}
