package org.switchboard.support;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test context at a private in-memory H2 database in PostgreSQL mode, as the product configures H2. */
public final class H2Memory {

	private H2Memory() {
	}

	public static void register(DynamicPropertyRegistry registry) {
		String name = "t" + UUID.randomUUID().toString().replace("-", "");
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
	}
}
