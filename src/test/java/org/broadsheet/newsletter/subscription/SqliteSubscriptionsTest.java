package org.broadsheet.newsletter.subscription;

import java.util.List;

class SqliteSubscriptionsTest extends SubscriptionsContract {

	/** The default: a new SQLite file in the site's new data folder. */
	@Override
	List<String> databaseOptions() {
		return List.of();
	}

}
