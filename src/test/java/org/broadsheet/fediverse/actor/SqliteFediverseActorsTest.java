package org.broadsheet.fediverse.actor;

import java.util.List;

class SqliteFediverseActorsTest extends FediverseActorsContract {

	/** The default: a new SQLite file in the site's new data folder. */
	@Override
	List<String> databaseOptions() {
		return List.of();
	}

}
