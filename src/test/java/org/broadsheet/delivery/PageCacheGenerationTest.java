package org.broadsheet.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Which renders the cache keeps when evictions happen while they are under way: those no
 * eviction touched are kept, those one touched (or that too many evictions passed to
 * tell) are not.
 */
class PageCacheGenerationTest {

	private final PageCache cache = new PageCache(true, DataSize.ofMegabytes(1), Duration.ofMinutes(10));

	private static CachedPage page(String... keys) {
		return new CachedPage(200, "text/html", List.of(), List.of(new byte[] { 'x' }), List.of(), List.of(), null,
				"\"e\"", 0, PageKind.ARTICLE, Set.of(keys));
	}

	@Test
	void anEvictionOfOtherKeysDuringARenderStillStoresIt() {
		long started = cache.generation();
		cache.evict(Set.of("a2", "related-9"));
		cache.put("/one", page("a1", "nav"), started);
		assertThat(cache.get("/one")).isNotNull();
	}

	@Test
	void anEvictionOfItsKeysDuringARenderDoesNotStoreIt() {
		long started = cache.generation();
		cache.evict(Set.of("other"));
		cache.evict(Set.of("nav"));
		cache.evict(Set.of("more"));
		cache.put("/one", page("a1", "nav"), started);
		assertThat(cache.get("/one")).isNull();
	}

	@Test
	void clearingDuringARenderDoesNotStoreIt() {
		long started = cache.generation();
		cache.clear();
		cache.put("/one", page("a1"), started);
		assertThat(cache.get("/one")).isNull();
	}

	@Test
	void moreEvictionsThanRememberedDuringARenderDoNotStoreIt() {
		long started = cache.generation();
		for (int i = 0; i <= PageCache.REMEMBERED; i++) {
			cache.evict(Set.of("other-" + i));
		}
		cache.put("/one", page("a1"), started);
		assertThat(cache.get("/one")).isNull();
		// A render begun after them is kept.
		long later = cache.generation();
		cache.evict(Set.of("other"));
		cache.put("/one", page("a1"), later);
		assertThat(cache.get("/one")).isNotNull();
	}

}
