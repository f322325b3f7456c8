package org.broadsheet.interchange;

import java.nio.file.Path;
import java.util.List;

import org.broadsheet.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@org.springframework.test.annotation.DirtiesContext
class SqliteWordPressTest extends WordPressContract {

	static final Path DATA = TestDatabases.newDataFolder();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.sqlite(registry, DATA);
	}

	@Override
	List<String> emptyDatabaseOptions(Path data) {
		return List.of("--spring.datasource.url=jdbc:sqlite:" + data + "/broadsheet.db?journal_mode=WAL&busy_timeout=10000&foreign_keys=true");
	}

}
