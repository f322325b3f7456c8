package org.broadsheet.delivery;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * This node's finished reader pages, bounded in bytes ({@code broadsheet.cache.max-size},
 * 64MB by default; {@code broadsheet.cache.enabled=false} renders every request). Evicted
 * by surrogate key ({@link #evict}) when a change reaches this node through the purge
 * log, and in any case {@code broadsheet.cache.max-age} (10 minutes) after rendering, for
 * what changes with time alone (comments closing after so many days, the news sitemap's
 * 48 hours).
 */
@Component
class PageCache implements MeterBinder {

	private final boolean enabled;

	private final Cache<String, CachedPage> pages;

	/** Renders under way, so that concurrent misses for one address render once. */
	private final ConcurrentHashMap<String, CompletableFuture<CachedPage>> rendering = new ConcurrentHashMap<>();

	/**
	 * Bumped by every eviction: a render that began before one that touches what it shows
	 * is not stored (it may be stale).
	 */
	private final AtomicLong generation = new AtomicLong();

	/** How many recent evictions are remembered to tell which renders they touched. */
	static final int REMEMBERED = 256;

	/** The latest evictions, oldest first; written only under its own lock. */
	private final ConcurrentLinkedDeque<Eviction> recent = new ConcurrentLinkedDeque<>();

	/** One eviction: the generation it began, and its keys (null: every page). */
	private record Eviction(long generation, Set<String> keys) {

		boolean touches(CachedPage page) {
			return keys == null || page.shows(keys);
		}

	}

	PageCache(@Value("${broadsheet.cache.enabled:true}") boolean enabled,
			@Value("${broadsheet.cache.max-size:64MB}") DataSize maxSize,
			@Value("${broadsheet.cache.max-age:10m}") Duration maxAge) {
		this.enabled = enabled;
		this.pages = Caffeine.newBuilder()
			.maximumWeight(maxSize.toBytes())
			.expireAfterWrite(maxAge)
			.weigher((String key, CachedPage page) -> page.weight())
			.recordStats()
			.build();
	}

	/**
	 * Publishes the cache's hits, misses, evictions and size as {@code cache.*} metrics
	 * with the tag {@code cache=pages} (Micrometer's Caffeine binder); hit ratio = hits /
	 * (hits + misses).
	 */
	@Override
	public void bindTo(MeterRegistry registry) {
		CaffeineCacheMetrics.monitor(registry, pages, "pages");
	}

	boolean enabled() {
		return enabled;
	}

	CachedPage get(String address) {
		return enabled ? pages.getIfPresent(address) : null;
	}

	long generation() {
		return generation.get();
	}

	/**
	 * Stores a page rendered since {@code renderedInGeneration} unless an eviction since
	 * touched what it shows: a change elsewhere (a comment on another article) does not
	 * keep a page out of the cache.
	 */
	void put(String address, CachedPage page, long renderedInGeneration) {
		if (!enabled || !untouchedSince(page, renderedInGeneration)) {
			return;
		}
		pages.put(address, page);
		// An eviction between the check and the put may have missed the page.
		if (!untouchedSince(page, renderedInGeneration)) {
			pages.asMap().remove(address, page);
		}
	}

	private boolean untouchedSince(CachedPage page, long since) {
		long now = generation.get();
		if (now == since) {
			return true;
		}
		Eviction oldest = recent.peekFirst();
		if (oldest == null || oldest.generation() > since + 1) {
			// Forgotten: too many evictions since to tell.
			return false;
		}
		for (Eviction eviction : recent) {
			if (eviction.generation() > since && eviction.generation() <= now && eviction.touches(page)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Remembers an eviction before its generation is visible: whoever reads the
	 * generation finds it.
	 */
	private void remember(Set<String> keys) {
		synchronized (recent) {
			long next = generation.get() + 1;
			recent.addLast(new Eviction(next, keys));
			if (recent.size() > REMEMBERED) {
				recent.pollFirst();
			}
			generation.set(next);
		}
	}

	/**
	 * Claims the render of {@code address} for the caller, unless another request renders
	 * it already.
	 * @param mine completed by the caller with the page (or null when it was not
	 * cacheable), then released with {@link #done}
	 * @return null when the caller renders; else the other render's page, to wait for
	 */
	CompletableFuture<CachedPage> leaderOrNull(String address, CompletableFuture<CachedPage> mine) {
		return rendering.putIfAbsent(address, mine);
	}

	void done(String address, CompletableFuture<CachedPage> mine) {
		rendering.remove(address, mine);
	}

	/** Evicts every page that shows any of {@code keys}. */
	void evict(Set<String> keys) {
		remember(Set.copyOf(keys));
		pages.asMap().values().removeIf(page -> page.shows(keys));
	}

	void clear() {
		remember(null);
		pages.invalidateAll();
	}

	long size() {
		return pages.estimatedSize();
	}

}
