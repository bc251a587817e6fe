package org.switchboard.webex.webhook;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.PostgresSchema;

class WebhookReceiverOnPostgresTests extends WebhookReceiverContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresSchema.register(registry);
	}
}
