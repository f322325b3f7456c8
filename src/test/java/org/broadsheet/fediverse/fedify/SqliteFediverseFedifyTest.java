package org.broadsheet.fediverse.fedify;

import java.util.List;

class SqliteFediverseFedifyTest extends FediverseFedifyContract {

	/** The default: a new SQLite file in the site's new data folder. */
	@Override
	List<String> databaseOptions() {
		return List.of();
	}

}
