package org.broadsheet.newsroom;

import java.util.List;

import org.broadsheet.support.PostgresSchemas;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the newsroom fediverse tests on PostgreSQL")
class PostgresFediverseNewsroomTest extends FediverseNewsroomContract {

	@RegisterExtension
	final PostgresSchemas schemas = new PostgresSchemas();

	@Override
	List<String> databaseOptions() {
		return schemas.newSchemaOptions();
	}

}
