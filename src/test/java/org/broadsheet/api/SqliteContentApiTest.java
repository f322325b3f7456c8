package org.broadsheet.api;

import java.nio.file.Path;
import java.util.List;

class SqliteContentApiTest extends ContentApiContract {

	@Override
	List<String> database(Path data) {
		return List.of();
	}

}
