package org.broadsheet.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.delivery.PagesEvicted;
import org.broadsheet.delivery.Surrogates;
import org.junit.jupiter.api.Test;

/**
 * The slugs behind search filters follow the purge log: reloaded after a section, tag or
 * navigation change reached this node (from any node), kept across every other change.
 */
class TopicSlugsTest {

	private final AtomicInteger loads = new AtomicInteger();

	private final TopicSlugs slugs = new TopicSlugs(() -> {
		loads.incrementAndGet();
		return new TopicSlugs.Topics(TopicSlugs.Names.of(Map.of("world", "World")), TopicSlugs.Names.of(Map.of()));
	});

	@Test
	void aSectionOrTagChangeReloadsTheSlugsAndOtherChangesDoNot() {
		assertThat(slugs.current().sections().name("world")).isEqualTo("World");
		slugs.follow(new PagesEvicted(Set.of(Surrogates.article(3), Surrogates.FRONT, Surrogates.related(3))));
		slugs.current();
		assertThat(loads).hasValue(1);
		slugs.follow(new PagesEvicted(Set.of(Surrogates.tag(7))));
		slugs.current();
		assertThat(loads).hasValue(2);
		slugs.follow(new PagesEvicted(Set.of(Surrogates.section(2), Surrogates.NAV)));
		slugs.current();
		assertThat(loads).hasValue(3);
		slugs.follow(new PagesEvicted(Set.of(Surrogates.ALL)));
		slugs.current();
		assertThat(loads).hasValue(4);
	}

}
