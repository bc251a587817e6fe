package org.switchboard.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmConnections;
import org.switchboard.crm.CrmRecords;

/**
 * Under the {@code prod} profile the server refuses to start while a demo account exists or would be seeded: their
 * password is printed in the README and on the sign-in page. While a remote CRM has no org connected there are no
 * users to check (and none can sign in but with the setup code, ADR 0031): the check waits for a start after the connection.
 */
@Component
@Profile("prod")
@Order(-1)
class DemoAccountGuard implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccountGuard.class);

	private final CrmRecords records;
	private final CrmConnections connections;
	private final boolean seeding;

	DemoAccountGuard(CrmRecords records, CrmConnections connections, @Value("${switchboard.demo.enabled:true}") boolean seeding) {
		this.records = records;
		this.connections = connections;
		this.seeding = seeding;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (seeding) {
			throw new IllegalStateException("Refusing to start under the prod profile with switchboard.demo.enabled=true");
		}
		if (connections.awaitingOrg()) {
			log.info("No CRM org is connected: demo accounts are looked for at the first start after connecting it");
			return;
		}
		List<String> present = DemoUsers.EMAILS.stream()
			.filter(email -> !records.findByField("User", "Username", email).isEmpty()).toList();
		if (!present.isEmpty()) {
			throw new IllegalStateException("Refusing to start under the prod profile: demo account(s) " + present
					+ " with the published password exist; delete or rename them first");
		}
	}
}
