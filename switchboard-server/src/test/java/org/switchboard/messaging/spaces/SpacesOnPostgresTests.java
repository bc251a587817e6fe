package org.switchboard.messaging.spaces;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.PostgresSchema;

class SpacesOnPostgresTests extends SpacesContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresSchema.register(registry);
	}
}
