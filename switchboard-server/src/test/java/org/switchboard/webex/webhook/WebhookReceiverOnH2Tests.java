package org.switchboard.webex.webhook;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.H2Memory;

class WebhookReceiverOnH2Tests extends WebhookReceiverContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		H2Memory.register(registry);
	}
}
