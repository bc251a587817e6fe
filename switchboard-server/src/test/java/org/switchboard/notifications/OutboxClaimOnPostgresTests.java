package org.switchboard.notifications;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.PostgresSchema;

class OutboxClaimOnPostgresTests extends OutboxClaimContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresSchema.register(registry);
	}
}
