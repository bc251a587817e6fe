package org.switchboard.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecordsContract;
import org.switchboard.crm.CustomObjectDefinition;
import org.switchboard.support.H2Memory;

/** The CRM contract on the Salesforce adapter, against the Salesforce double the server starts and connects to. */
class SalesforceCrmTests extends CrmRecordsContract {

	@DynamicPropertySource
	static void salesforce(DynamicPropertyRegistry registry) {
		H2Memory.register(registry);
		registry.add("switchboard.crm", () -> "salesforce");
		registry.add("switchboard.salesforce.sandbox.enabled", () -> "true");
		registry.add("switchboard.salesforce.sandbox.port", () -> "0");
		registry.add("switchboard.salesforce.sandbox.pubsub-port", () -> "0");
		registry.add("switchboard.salesforce.retry-backoff", () -> "10ms");
	}

	@Override
	protected boolean definesCustomObjects() {
		return false;
	}

	@Test
	void saysThatCustomObjectsAreDefinedInSalesforceSetup() {
		assertThatThrownBy(() -> schema.defineObject(new CustomObjectDefinition("Project__c", "Project", "Projects")))
			.isInstanceOf(CrmException.class).hasMessageContaining("defined in Setup");
	}
}
