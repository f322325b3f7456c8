package org.broadsheet.search;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.broadsheet.delivery.PagesEvicted;
import org.broadsheet.delivery.Surrogates;
import org.broadsheet.taxonomy.Section;
import org.broadsheet.taxonomy.Tag;
import org.broadsheet.taxonomy.Taxonomy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Section and tag slugs against the names the index holds: search filters take slugs
 * ({@code ?section=world}), facets count names. Kept until a section or tag is created or
 * renamed on any node: the purge log says so after commit ({@link PagesEvicted}), here at
 * once and elsewhere within its poll interval; ten minutes at most as a safety net.
 */
@Component
class TopicSlugs {

	private final Supplier<Topics> loader;

	private final Cache<String, Topics> cache = Caffeine.newBuilder()
		.maximumSize(1)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	@Autowired
	TopicSlugs(Taxonomy taxonomy) {
		this(() -> load(taxonomy));
	}

	/** Slugs from {@code loader} (tools, benchmarks). */
	TopicSlugs(Supplier<Topics> loader) {
		this.loader = loader;
	}

	/**
	 * Both directions for one kind: slug to name, and name (ignoring case) to slug.
	 */
	record Names(Map<String, String> bySlug, Map<String, String> slugByName) {

		static Names of(Map<String, String> slugToName) {
			Map<String, String> byName = new HashMap<>();
			slugToName.forEach((slug, name) -> byName.put(name.toLowerCase(Locale.ROOT), slug));
			return new Names(Map.copyOf(slugToName), Map.copyOf(byName));
		}

		/**
		 * @return the name behind a slug; the value itself when it is no slug (the filter
		 * then matches that name, or nothing)
		 */
		String name(String value) {
			return bySlug.getOrDefault(value, value);
		}

		/**
		 * @return the slug of a name (ignoring case), null when there is none or the
		 * value is a slug already
		 */
		String slugOfName(String value) {
			return bySlug.containsKey(value) ? null : slugByName.get(value.toLowerCase(Locale.ROOT));
		}

		/**
		 * @return the slug for a facet label, or the label itself when unknown
		 */
		String slug(String name) {
			return slugByName.getOrDefault(name.toLowerCase(Locale.ROOT), name);
		}

	}

	record Topics(Names sections, Names tags) {
	}

	/**
	 * Loaded outside the cache's lock, as {@link Taxonomy#sections()} is: a loader
	 * waiting for a pool connection under the lock could deadlock busy readers.
	 */
	Topics current() {
		Topics cached = cache.getIfPresent("all");
		if (cached != null) {
			return cached;
		}
		var loaded = loader.get();
		cache.put("all", loaded);
		return loaded;
	}

	private static Topics load(Taxonomy taxonomy) {
		Map<String, String> sections = new HashMap<>();
		for (Section s : taxonomy.sections()) {
			sections.put(s.slug(), s.name());
		}
		Map<String, String> tags = new HashMap<>();
		for (Tag t : taxonomy.tags()) {
			tags.put(t.slug(), t.name());
		}
		return new Topics(Names.of(sections), Names.of(tags));
	}

	@EventListener
	void follow(PagesEvicted change) {
		if (change.touches(Surrogates.NAV) || change.touchesAny(Surrogates.SECTION_PREFIX)
				|| change.touchesAny(Surrogates.TAG_PREFIX)) {
			cache.invalidateAll();
		}
	}

}
