package org.switchboard.demo;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.access.Credentials;
import org.switchboard.access.ObjectPermissions;
import org.switchboard.crm.CrmRecords;

/**
 * Seeds the demo users and records the first time the server starts on an empty store: the embedded CRM or the
 * Salesforce double, never a real Salesforce org (which is not even connected at the first start).
 */
@Component
@Order(0)
@ConditionalOnExpression("'${switchboard.crm:embedded}' != 'salesforce' or '${switchboard.salesforce.sandbox.enabled:false}' == 'true'")
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final CrmRecords records;
	private final Credentials credentials;
	private final ObjectPermissions permissions;
	private final TransactionTemplate transactions;
	private final boolean enabled;
	private final long seed;

	DemoData(CrmRecords records, Credentials credentials, ObjectPermissions permissions, TransactionTemplate transactions,
			@Value("${switchboard.demo.enabled:true}") boolean enabled, @Value("${switchboard.demo.seed:20261125}") long seed) {
		this.records = records;
		this.credentials = credentials;
		this.permissions = permissions;
		this.transactions = transactions;
		this.enabled = enabled;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled || !records.findByField("User", "Username", DemoUsers.ADMIN).isEmpty()) {
			return;
		}
		long started = System.nanoTime();
		transactions.executeWithoutResult(tx -> {
			Map<String, String> users = new DemoUsers(records, credentials, permissions).create();
			new DemoRecords(records, seed, users.get(DemoUsers.AGENT)).create();
		});
		log.info("Seeded the demo users and records in {} ms", (System.nanoTime() - started) / 1_000_000);
	}
}
