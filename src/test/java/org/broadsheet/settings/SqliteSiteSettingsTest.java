package org.broadsheet.settings;

import java.nio.file.Path;
import java.util.List;

class SqliteSiteSettingsTest extends SiteSettingsContract {

	/** Node B opens node A's database file (WAL: several pools at once). */
	@Override
	List<String> sharedDatabase(Path first) {
		return List.of("--spring.datasource.url=jdbc:sqlite:" + first.resolve("broadsheet.db")
				+ "?journal_mode=WAL&busy_timeout=10000&foreign_keys=true&synchronous=FULL");
	}

}
