package org.broadsheet.support;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * New, empty schemas in the test PostgreSQL database for applications a test starts
 * itself, all dropped after the test class. Register with {@code @RegisterExtension}.
 */
public final class PostgresSchemas implements AfterAllCallback {

	private final List<String> made = new ArrayList<>();

	/** Creates a schema; @return the Spring options that point an application at it */
	public synchronized List<String> newSchemaOptions() {
		String schema = TestDatabases.newSchemaName();
		made.add(schema);
		return TestDatabases.postgresOptions(schema);
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		made.forEach(TestDatabases::dropPostgresSchema);
		made.clear();
	}

}
