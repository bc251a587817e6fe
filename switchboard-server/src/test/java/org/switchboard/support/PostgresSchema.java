package org.switchboard.support;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a test context at the real PostgreSQL (127.0.0.1:5432, database {@code test}) in a schema of
 * its own, so runs never see each other's data. Flyway creates the schema and migrates it.
 */
public final class PostgresSchema {

	private PostgresSchema() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		String schema = "sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema + "&reWriteBatchedInserts=true");
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.schemas", () -> schema);
		registry.add("spring.flyway.create-schemas", () -> "true");
	}
}
