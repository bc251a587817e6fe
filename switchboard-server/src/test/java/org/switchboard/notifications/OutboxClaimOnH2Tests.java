package org.switchboard.notifications;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.H2Memory;

class OutboxClaimOnH2Tests extends OutboxClaimContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		H2Memory.register(registry);
	}
}
