package org.broadsheet.comment;

import java.util.ArrayList;
import java.util.List;

import org.broadsheet.support.RunningSite;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the XSS test on PostgreSQL")
class PostgresXssTest extends XssContract {

	private final List<String> schemas = new ArrayList<>();

	@Override
	RunningSite start(String... options) {
		String schema = TestDatabases.newSchemaName();
		schemas.add(schema);
		List<String> all = new ArrayList<>(TestDatabases.postgresOptions(schema));
		all.addAll(List.of(options));
		return RunningSite.start(TestDatabases.newDataFolder(), all.toArray(String[]::new));
	}

	@AfterAll
	void dropSchemas() {
		schemas.forEach(TestDatabases::dropPostgresSchema);
	}

}
