package org.switchboard.crm.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.ObjectDescription;
import org.switchboard.platform.settings.GeneralSettings;
import org.switchboard.platform.settings.SettingsChanged;

/**
 * Re-reads every stored phone number when the default region changes, because "(415) 555-0100" means
 * a different E.164 number in another region. Runs in the background in batches after the change commits.
 */
class PhoneReindexer implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PhoneReindexer.class);
	private static final int BATCH = 1_000;

	private final EmbeddedSchema schema;
	private final RecordTable table;
	private final PhoneRegion region;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ExecutorService worker = Executors.newSingleThreadExecutor();

	PhoneReindexer(EmbeddedSchema schema, RecordTable table, PhoneRegion region, JdbcClient jdbc,
			TransactionTemplate transactions) {
		this.schema = schema;
		this.table = table;
		this.region = region;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@TransactionalEventListener
	void on(SettingsChanged changed) {
		if (GeneralSettings.SECTION.equals(changed.section())) {
			worker.submit(this::reindexAll);
		}
	}

	/** A store that predates the phone-part index (an upgrade) gets it built once, in the background. */
	@EventListener(ApplicationReadyEvent.class)
	void backfillPhoneParts() {
		boolean missing = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM crm_phone LIMIT 1) p").query(Long.class).single() > 0
				&& jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM crm_phone_tail LIMIT 1) p").query(Long.class).single() == 0;
		if (missing) {
			worker.submit(this::reindexAll);
		}
	}

	void reindexAll() {
		String newRegion = region.current();
		long count = 0;
		for (ObjectDescription object : schema.objects()) {
			if (!object.phoneFields().isEmpty()) {
				count += reindex(object, newRegion);
			}
		}
		log.info("Re-read {} records' phone numbers for region {}", count, newRegion);
	}

	private long reindex(ObjectDescription object, String newRegion) {
		long count = 0;
		String after = "";
		while (true) {
			List<String> ids = jdbc.sql("SELECT id FROM crm_record WHERE object_name = ? AND id > ? ORDER BY id LIMIT ?")
				.params(object.name(), after, BATCH).query(String.class).list();
			if (ids.isEmpty()) {
				return count;
			}
			transactions.executeWithoutResult(tx -> rewrite(object, ids, newRegion));
			count += ids.size();
			after = ids.get(ids.size() - 1);
		}
	}

	private void rewrite(ObjectDescription object, List<String> ids, String newRegion) {
		List<Object[]> rows = new ArrayList<>();
		for (StoredRecord record : table.findAll(ids)) {
			RecordIndexes.of(object, record.values(), newRegion).phones()
				.forEach((field, e164) -> rows.add(new Object[] { record.id(), field, object.name(), e164 }));
		}
		table.deletePhones(ids);
		table.insertPhones(rows);
	}

	@Override
	public void close() {
		worker.shutdownNow();
	}
}
