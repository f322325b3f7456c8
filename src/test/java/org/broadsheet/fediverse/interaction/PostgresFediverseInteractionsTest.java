package org.broadsheet.fediverse.interaction;

import java.util.List;

import org.broadsheet.support.PostgresSchemas;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the fediverse interaction tests on PostgreSQL")
class PostgresFediverseInteractionsTest extends FediverseInteractionsContract {

	@RegisterExtension
	final PostgresSchemas schemas = new PostgresSchemas();

	@Override
	List<String> databaseOptions() {
		return schemas.newSchemaOptions();
	}

}
