package org.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.access.Credentials;
import org.switchboard.access.ObjectPermissions;
import org.switchboard.crm.CrmRecords;

/**
 * The demo data goes into a store of our own (the embedded CRM or the Salesforce double), never into a real
 * Salesforce org: there it would write made-up people into a customer's CRM, and at the first start, with no org
 * connected yet, the failed seeding stopped the server (so no admin could ever connect one).
 */
class DemoDataTargetTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(DemoData.class)
		.withBean(CrmRecords.class, () -> mock(CrmRecords.class)).withBean(Credentials.class, () -> mock(Credentials.class))
		.withBean(ObjectPermissions.class, () -> mock(ObjectPermissions.class))
		.withBean(TransactionTemplate.class, () -> mock(TransactionTemplate.class));

	@Test
	void theEmbeddedStoreAndTheSalesforceDoubleAreSeededARealOrgIsNot() {
		context.run(embedded -> assertThat(embedded).hasSingleBean(DemoData.class));
		context.withPropertyValues("switchboard.crm=embedded").run(embedded -> assertThat(embedded).hasSingleBean(DemoData.class));
		context.withPropertyValues("switchboard.crm=salesforce", "switchboard.salesforce.sandbox.enabled=true")
			.run(double_ -> assertThat(double_).hasSingleBean(DemoData.class));
		context.withPropertyValues("switchboard.crm=salesforce").run(realOrg -> assertThat(realOrg).doesNotHaveBean(DemoData.class));
		context.withPropertyValues("switchboard.crm=salesforce", "switchboard.salesforce.sandbox.enabled=false")
			.run(realOrg -> assertThat(realOrg).doesNotHaveBean(DemoData.class));
	}
}
