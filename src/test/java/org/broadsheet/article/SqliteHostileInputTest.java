package org.broadsheet.article;

import java.util.List;

/** {@link HostileInputContract} on SQLite. */
class SqliteHostileInputTest extends HostileInputContract {

	@Override
	List<String> databaseOptions() {
		return List.of();
	}

}
