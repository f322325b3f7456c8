package org.broadsheet.fediverse.fedify;

import java.util.List;

import org.broadsheet.support.PostgresSchemas;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Fedify end-to-end contract on PostgreSQL. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the Fedify end-to-end test on PostgreSQL")
class PostgresFediverseFedifyTest extends FediverseFedifyContract {

	@RegisterExtension
	static final PostgresSchemas schemas = new PostgresSchemas();

	@Override
	List<String> databaseOptions() {
		return schemas.newSchemaOptions();
	}

}
