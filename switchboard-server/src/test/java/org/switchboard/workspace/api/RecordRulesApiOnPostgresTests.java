package org.switchboard.workspace.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.PostgresSchema;

class RecordRulesApiOnPostgresTests extends RecordRulesApiContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresSchema.register(registry);
	}
}
