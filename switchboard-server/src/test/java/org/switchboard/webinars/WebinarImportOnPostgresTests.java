package org.switchboard.webinars;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.EmbeddedDefault;
import org.switchboard.support.PostgresSchema;

/** The webinar import on PostgreSQL (a schema of its own, dropped when the test JVM exits). */
class WebinarImportOnPostgresTests extends WebinarImportContract {

	private static final int SANDBOX_PORT = EmbeddedDefault.freePort();

	@DynamicPropertySource
	static void embeddedDefaultOnPostgres(DynamicPropertyRegistry registry) {
		EmbeddedDefault.register(registry, SANDBOX_PORT);
		PostgresSchema.register(registry);
	}

	@Override
	int sandboxPort() {
		return SANDBOX_PORT;
	}
}
