package org.broadsheet.search;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.function.Supplier;

import org.broadsheet.settings.Overrides;
import org.broadsheet.settings.SettingsStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens the index folder ({@code <data>/index}) on first use, so that commands which
 * never search (import) can run beside a running site without taking the index lock. The
 * year facet is computed in the site's time zone as it is when the index opens (the
 * settings page's, else {@code broadsheet.site.time-zone}); an index made in another zone
 * is rebuilt as it opens, so a changed zone reaches the facet at the next start.
 */
@Component
class SearchIndexHolder implements DisposableBean {

	private final Path folder;

	/** The site's time zone, read when the index opens. */
	private final Supplier<ZoneId> zone;

	private SearchIndex index;

	@Autowired
	SearchIndexHolder(@Value("${broadsheet.data}") Path data, @Value("${broadsheet.site.time-zone:UTC}") ZoneId zone,
			SettingsStore settings) {
		this(data, () -> Overrides.or(settings.current().timeZone(), zone));
	}

	/** An index in {@code <data>/index} with its years in {@code zone} (tools, tests). */
	SearchIndexHolder(Path data, ZoneId zone) {
		this(data, () -> zone);
	}

	private SearchIndexHolder(Path data, Supplier<ZoneId> zone) {
		this.folder = data.resolve("index");
		this.zone = zone;
	}

	synchronized SearchIndex index() {
		if (index == null) {
			index = new SearchIndex(folder, zone.get());
		}
		return index;
	}

	@Override
	public synchronized void destroy() {
		if (index != null) {
			index.close();
			index = null;
		}
	}

}
