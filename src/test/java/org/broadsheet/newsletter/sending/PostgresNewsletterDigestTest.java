package org.broadsheet.newsletter.sending;

import java.nio.file.Path;
import java.util.List;

import org.broadsheet.support.PostgresSchemas;
import org.broadsheet.support.TestDatabases;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;

@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
		disabledReason = "set BROADSHEET_TEST_POSTGRES_URL to a JDBC URL to run the digest tests on PostgreSQL")
class PostgresNewsletterDigestTest extends NewsletterDigestContract {

	@RegisterExtension
	static final PostgresSchemas schemas = new PostgresSchemas();

	@Override
	List<String> database(Path data) {
		return schemas.newSchemaOptions();
	}

}
