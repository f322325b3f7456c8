package org.broadsheet.comment;

import java.util.List;

class SqliteXssTest extends XssContract {

	/** The default: a new SQLite file in the site's new data folder. */
	@Override
	List<String> databaseOptions() {
		return List.of();
	}

}
