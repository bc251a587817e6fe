package org.switchboard.demo;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmRecords;

/**
 * Under the {@code prod} profile the server refuses to start while a demo account exists or would be seeded: their
 * password is printed in the README and on the sign-in page.
 */
@Component
@Profile("prod")
@Order(-1)
class DemoAccountGuard implements ApplicationRunner {

	private final CrmRecords records;
	private final boolean seeding;

	DemoAccountGuard(CrmRecords records, @Value("${switchboard.demo.enabled:true}") boolean seeding) {
		this.records = records;
		this.seeding = seeding;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (seeding) {
			throw new IllegalStateException("Refusing to start under the prod profile with switchboard.demo.enabled=true");
		}
		List<String> present = DemoUsers.EMAILS.stream()
			.filter(email -> !records.findByField("User", "Username", email).isEmpty()).toList();
		if (!present.isEmpty()) {
			throw new IllegalStateException("Refusing to start under the prod profile: demo account(s) " + present
					+ " with the published password exist; delete or rename them first");
		}
	}
}
