package org.switchboard.crm.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmRecords;

/**
 * The child JVM of {@link BulkLoadTests}: one bulk load of Contacts into the H2 file {@code args[0]}, 100 per
 * transaction, printing each committed batch's ids, until it is killed.
 */
final class BulkLoadKillProbe {

	private BulkLoadKillProbe() {
	}

	public static void main(String[] args) {
		ConfigurableApplicationContext context = BulkLoadTests.start(Path.of(args[0]));
		CrmRecords records = context.getBean(CrmRecords.class);
		TransactionTemplate transactions = context.getBean(TransactionTemplate.class);
		records.bulkLoad(() -> {
			for (int batch = 0; batch < 1_000; batch++) {
				List<Map<String, Object>> rows = new ArrayList<>();
				for (int i = 0; i < 100; i++) {
					rows.add(BulkLoadTests.probeContact(batch * 100 + i));
				}
				List<String> ids = transactions.execute(tx -> records.createAll("Contact", rows, null));
				System.out.println("committed " + String.join(",", ids));
				System.out.flush();
			}
		});
	}
}
