package org.switchboard.calling.calls;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.PostgresSchema;

class CallRowGuardsOnPostgresTests extends CallRowGuardsContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresSchema.register(registry);
	}
}
