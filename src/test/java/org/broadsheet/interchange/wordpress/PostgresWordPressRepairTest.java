package org.broadsheet.interchange.wordpress;

import java.nio.file.Path;

import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the WordPress tests on PostgreSQL")
@DirtiesContext
class PostgresWordPressRepairTest extends WordPressRepairContract {

	static final Path DATA = TestDatabases.newDataFolder();

	static final String SCHEMA = TestDatabases.newSchemaName();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry, DATA, SCHEMA);
	}

	@AfterAll
	static void dropSchemas() {
		TestDatabases.dropPostgresSchema(SCHEMA);
	}

}
