package org.broadsheet.newsroom;

import java.util.List;

class SqliteFediverseNewsroomTest extends FediverseNewsroomContract {

	/** The default: a new SQLite file in the site's new data folder. */
	@Override
	List<String> databaseOptions() {
		return List.of();
	}

}
