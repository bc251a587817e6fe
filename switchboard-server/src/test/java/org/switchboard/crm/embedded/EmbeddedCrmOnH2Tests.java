package org.switchboard.crm.embedded;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.crm.CrmRecordsContract;
import org.switchboard.support.H2Memory;

class EmbeddedCrmOnH2Tests extends CrmRecordsContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		H2Memory.register(registry);
	}
}
