package org.broadsheet.interchange.wordpress;

import java.util.List;

/** {@link WordPressAddressesContract} on SQLite: each site in a new data folder. */
class SqliteWordPressAddressesTest extends WordPressAddressesContract {

	@Override
	List<String> databaseOptions() {
		return List.of();
	}

}
