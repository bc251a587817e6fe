package org.switchboard.workspace.api;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.H2Memory;

class RecordRulesApiOnH2Tests extends RecordRulesApiContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		H2Memory.register(registry);
	}
}
