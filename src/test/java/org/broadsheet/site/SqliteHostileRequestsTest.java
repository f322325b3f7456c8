package org.broadsheet.site;

import java.util.List;

class SqliteHostileRequestsTest extends HostileRequestsContract {

	@Override
	List<String> databaseOptions() {
		return List.of();
	}

}
