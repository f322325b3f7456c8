package org.broadsheet.search;

import java.util.List;

class SqliteRelatedListsTest extends RelatedListsContract {

	@Override
	List<String> databaseOptions() {
		return List.of();
	}

}
