package org.broadsheet.interchange.wordpress;

import java.nio.file.Path;

import org.broadsheet.support.TestDatabases;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DirtiesContext
class SqliteWordPressRepairTest extends WordPressRepairContract {

	static final Path DATA = TestDatabases.newDataFolder();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.sqlite(registry, DATA);
	}

}
