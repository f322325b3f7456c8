package org.broadsheet.fediverse.delivery;

import java.util.List;

class SqliteFediverseDeliveryTest extends FediverseDeliveryContract {

	/** The default: a new SQLite file in the site's new data folder. */
	@Override
	List<String> databaseOptions() {
		return List.of();
	}

}
