package org.broadsheet.comment;

import java.util.List;

class SqliteDiscussionTest extends DiscussionContract {

	/** The default: a new SQLite file in the site's new data folder. */
	@Override
	List<String> databaseOptions() {
		return List.of();
	}

}
