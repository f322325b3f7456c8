package org.broadsheet.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Fresh databases for tests: a new SQLite file, or a new schema in the PostgreSQL
 * database named by {@code BROADSHEET_TEST_POSTGRES_URL} (a JDBC URL; CI points it at the
 * local service).
 */
public final class TestDatabases {

	public static final String POSTGRES_URL_VARIABLE = "BROADSHEET_TEST_POSTGRES_URL";

	private TestDatabases() {
	}

	/**
	 * @return a new empty data folder (SQLite database and media files go there)
	 */
	public static Path newDataFolder() {
		try {
			return Files.createTempDirectory("broadsheet-test");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void sqlite(DynamicPropertyRegistry registry, Path data) {
		registry.add("broadsheet.data", data::toString);
		registry.add("broadsheet.demo.enabled", () -> "false");
	}

	/**
	 * @return a name for a new test schema
	 */
	public static String newSchemaName() {
		return "bs_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	/** Points the application at a new, empty schema in the test PostgreSQL database. */
	public static void postgres(DynamicPropertyRegistry registry, Path data, String schema) {
		String url = System.getenv(POSTGRES_URL_VARIABLE);
		execute("CREATE SCHEMA " + schema);
		registry.add("broadsheet.data", data::toString);
		registry.add("broadsheet.demo.enabled", () -> "false");
		registry.add("spring.datasource.url", () -> url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
		registry.add("spring.flyway.default-schema", () -> schema);
		registry.add("spring.flyway.schemas", () -> schema);
	}

	/**
	 * Creates a new schema in the test PostgreSQL database; @return the Spring options
	 * that point at it
	 */
	public static List<String> postgresOptions(String schema) {
		String url = System.getenv(POSTGRES_URL_VARIABLE);
		execute("CREATE SCHEMA " + schema);
		return List.of("--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
				"--spring.flyway.default-schema=" + schema, "--spring.flyway.schemas=" + schema);
	}

	/**
	 * Drops a test schema, trying again when PostgreSQL chose the drop as a deadlock's
	 * victim (SQLSTATE 40P01: a closing site's last connection, or another test JVM's
	 * catalogue reads, held a lock the drop needed).
	 */
	public static void dropPostgresSchema(String schema) {
		for (int attempt = 1;; attempt++) {
			try {
				execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
				return;
			}
			catch (IllegalStateException ex) {
				if (attempt == 3 || !(ex.getCause() instanceof SQLException sql && "40P01".equals(sql.getSQLState()))) {
					throw ex;
				}
			}
		}
	}

	private static void execute(String sql) {
		String url = System.getenv(POSTGRES_URL_VARIABLE);
		try (var connection = DriverManager.getConnection(url); var statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot run '" + sql + "' on " + url, ex);
		}
	}

}
