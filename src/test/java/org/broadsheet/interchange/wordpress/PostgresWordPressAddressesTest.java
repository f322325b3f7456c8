package org.broadsheet.interchange.wordpress;

import java.util.List;

import org.broadsheet.support.PostgresSchemas;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link WordPressAddressesContract} on PostgreSQL: each site in a new schema. */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the address tests on PostgreSQL")
class PostgresWordPressAddressesTest extends WordPressAddressesContract {

	@RegisterExtension
	static final PostgresSchemas SCHEMAS = new PostgresSchemas();

	@Override
	List<String> databaseOptions() {
		return SCHEMAS.newSchemaOptions();
	}

}
