package org.switchboard.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmRecords;

/** Generates many Contacts and Leads quickly (batched, one transaction per batch), for benchmarks and load tests. */
@Service
public class RecordGenerator {

	private static final int BATCH = 2_000;

	private final CrmRecords records;
	private final TransactionTemplate transactions;

	RecordGenerator(CrmRecords records, TransactionTemplate transactions) {
		this.records = records;
		this.transactions = transactions;
	}

	/**
	 * Creates {@code count} records, half Contacts and half Leads, owned by {@code ownerId}, as one bulk load
	 * ({@link CrmRecords#bulkLoad}).
	 */
	public void generate(int count, long seed, String ownerId, java.util.function.IntConsumer progress) {
		records.bulkLoad(() -> generateInBatches(count, seed, ownerId, progress));
	}

	/** The same records as {@link #generate}, written one batch at a time with every index kept up to date as they go. */
	public void generateInBatches(int count, long seed, String ownerId, java.util.function.IntConsumer progress) {
		People people = new People(seed);
		int done = 0;
		while (done < count) {
			int size = Math.min(BATCH, count - done);
			List<Map<String, Object>> contacts = new ArrayList<>();
			List<Map<String, Object>> leads = new ArrayList<>();
			for (int i = 0; i < size; i++) {
				if ((done + i) % 2 == 0) {
					contacts.add(people.contact(null, People.domainOf(people.company())));
				}
				else {
					leads.add(people.lead());
				}
			}
			transactions.executeWithoutResult(tx -> {
				if (!contacts.isEmpty()) {
					records.createAll("Contact", contacts, ownerId);
				}
				if (!leads.isEmpty()) {
					records.createAll("Lead", leads, ownerId);
				}
			});
			done += size;
			progress.accept(done);
		}
	}
}
