package org.broadsheet.search;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Opens the index folder ({@code <data>/index}) on first use, so that commands which
 * never search (import) can run beside a running site without taking the index lock.
 */
@Component
class SearchIndexHolder implements DisposableBean {

	private final Path folder;

	private final ZoneId zone;

	private SearchIndex index;

	SearchIndexHolder(@Value("${broadsheet.data}") Path data, @Value("${broadsheet.site.time-zone:UTC}") ZoneId zone) {
		this.folder = data.resolve("index");
		this.zone = zone;
	}

	synchronized SearchIndex index() {
		if (index == null) {
			index = new SearchIndex(folder, zone);
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
