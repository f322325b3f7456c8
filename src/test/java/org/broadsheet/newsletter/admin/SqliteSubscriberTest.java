package org.broadsheet.newsletter.admin;

import java.nio.file.Path;
import java.util.List;

class SqliteSubscriberTest extends SubscriberContract {

	@Override
	List<String> database(Path data) {
		return List.of();
	}

}
