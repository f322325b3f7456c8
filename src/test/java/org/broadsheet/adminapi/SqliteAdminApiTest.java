package org.broadsheet.adminapi;

import java.nio.file.Path;
import java.util.List;

class SqliteAdminApiTest extends AdminApiContract {

	@Override
	List<String> database(Path data) {
		return List.of();
	}

}
