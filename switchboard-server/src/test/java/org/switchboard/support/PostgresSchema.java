package org.switchboard.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a test context at the real PostgreSQL (127.0.0.1:5432, database {@code test}) in a schema of
 * its own, so runs never see each other's data. Flyway creates the schema and migrates it; the schemas a test JVM
 * created are dropped when it exits (the cached contexts using them live until then).
 */
public final class PostgresSchema {

	private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
	private static final List<String> CREATED = new CopyOnWriteArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(PostgresSchema::dropCreated, "drop-test-schemas"));
	}

	private PostgresSchema() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		String schema = "sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		CREATED.add(schema);
		registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + schema + "&reWriteBatchedInserts=true");
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.schemas", () -> schema);
		registry.add("spring.flyway.create-schemas", () -> "true");
	}

	private static void dropCreated() {
		try (var connection = DriverManager.getConnection(URL, "postgres", ""); var statement = connection.createStatement()) {
			statement.setQueryTimeout(30);
			for (String schema : CREATED) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
		catch (SQLException e) {
			System.err.println("Could not drop the test schemas " + CREATED + ": " + e.getMessage());
		}
	}
}
