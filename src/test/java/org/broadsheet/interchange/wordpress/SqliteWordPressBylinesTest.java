package org.broadsheet.interchange.wordpress;

import java.nio.file.Path;
import java.util.List;

import org.broadsheet.support.TestDatabases;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DirtiesContext
class SqliteWordPressBylinesTest extends WordPressBylinesContract {

	static final Path DATA = TestDatabases.newDataFolder();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.sqlite(registry, DATA);
	}

	@Override
	List<String> emptyDatabaseOptions() {
		return List.of();
	}

}
