package org.broadsheet.article;

import java.util.List;

import org.broadsheet.support.PostgresSchemas;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link HostileInputContract} on PostgreSQL. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the hostile input tests on PostgreSQL")
class PostgresHostileInputTest extends HostileInputContract {

	@RegisterExtension
	static final PostgresSchemas SCHEMAS = new PostgresSchemas();

	@Override
	List<String> databaseOptions() {
		return SCHEMAS.newSchemaOptions();
	}

}
