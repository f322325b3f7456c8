package org.broadsheet.account;

import java.nio.file.Path;

import org.broadsheet.support.TestDatabases;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DirtiesContext
class SqliteAccountsTest extends AccountsContract {

	static final Path DATA = TestDatabases.newDataFolder();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.sqlite(registry, DATA);
	}

}
