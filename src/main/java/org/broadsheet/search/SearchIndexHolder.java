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
 * is rebuilt as it opens, so a changed zone reaches the facet at the next start. The
 * site's language ({@code broadsheet.site.language}, else the saved one) is read the same
 * way: it is the language articles without one are stemmed in, and an index made for
 * another is rebuilt as it opens.
 */
@Component
class SearchIndexHolder implements DisposableBean {

	private final Path folder;

	/** The site's time zone, read when the index opens. */
	private final Supplier<ZoneId> zone;

	/** The site's BCP 47 language tag, read when the index opens. */
	private final Supplier<String> language;

	private SearchIndex index;

	@Autowired
	SearchIndexHolder(@Value("${broadsheet.data}") Path data, @Value("${broadsheet.site.time-zone:UTC}") ZoneId zone,
			@Value("${broadsheet.site.language:en}") String language, SettingsStore settings) {
		this(data, () -> Overrides.or(settings.current().timeZone(), zone),
				() -> Overrides.or(settings.current().language(), language));
	}

	/**
	 * An index in {@code <data>/index} with its years in {@code zone}, on an English site
	 * (tools, tests).
	 */
	SearchIndexHolder(Path data, ZoneId zone) {
		this(data, zone, "en");
	}

	/**
	 * An index in {@code <data>/index} with its years in {@code zone}, on a site in
	 * {@code language} (a BCP 47 tag) (tools, tests).
	 */
	SearchIndexHolder(Path data, ZoneId zone, String language) {
		this(data, () -> zone, () -> language);
	}

	private SearchIndexHolder(Path data, Supplier<ZoneId> zone, Supplier<String> language) {
		this.folder = data.resolve("index");
		this.zone = zone;
		this.language = language;
	}

	synchronized SearchIndex index() {
		if (index == null) {
			index = new SearchIndex(folder, zone.get(), language.get());
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
