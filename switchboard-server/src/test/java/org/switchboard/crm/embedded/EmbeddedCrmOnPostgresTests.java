package org.switchboard.crm.embedded;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.crm.CrmRecordsContract;
import org.switchboard.support.PostgresSchema;

class EmbeddedCrmOnPostgresTests extends CrmRecordsContract {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresSchema.register(registry);
	}
}
