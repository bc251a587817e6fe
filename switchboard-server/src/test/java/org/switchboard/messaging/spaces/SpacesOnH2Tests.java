package org.switchboard.messaging.spaces;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.H2Memory;

class SpacesOnH2Tests extends SpacesContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		H2Memory.register(registry);
	}
}
