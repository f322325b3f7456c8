package org.broadsheet.page;

import java.util.List;

class SqliteStaticPagesTest extends StaticPagesContract {

	@Override
	List<String> databaseOptions() {
		return List.of();
	}

}
