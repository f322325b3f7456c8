package org.broadsheet.interchange.wordpress;

import java.nio.file.Path;
import java.util.List;

import org.broadsheet.support.PostgresSchemas;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the WordPress tests on PostgreSQL")
@DirtiesContext
class PostgresWordPressBylinesTest extends WordPressBylinesContract {

	static final Path DATA = TestDatabases.newDataFolder();

	static final String SCHEMA = TestDatabases.newSchemaName();

	@RegisterExtension
	static final PostgresSchemas MORE_SCHEMAS = new PostgresSchemas();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabases.postgres(registry, DATA, SCHEMA);
	}

	@Override
	List<String> emptyDatabaseOptions() {
		return MORE_SCHEMAS.newSchemaOptions();
	}

	@AfterAll
	static void dropSchemas() {
		TestDatabases.dropPostgresSchema(SCHEMA);
	}

}
