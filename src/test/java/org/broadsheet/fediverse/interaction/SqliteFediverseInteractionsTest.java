package org.broadsheet.fediverse.interaction;

import java.util.List;

class SqliteFediverseInteractionsTest extends FediverseInteractionsContract {

	/** The default: a new SQLite file in the site's new data folder. */
	@Override
	List<String> databaseOptions() {
		return List.of();
	}

}
