package org.switchboard.calling.calls;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.H2Memory;

class CallRowGuardsOnH2Tests extends CallRowGuardsContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		H2Memory.register(registry);
	}
}
