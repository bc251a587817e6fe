package org.switchboard.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmRecords;

/**
 * {@code --switchboard.generate.records=N}: adds N generated Contacts and Leads (half each) to the
 * configured store, after the demo data, printing progress. Combine with
 * {@code --spring.main.web-application-type=none} to exit when done.
 */
@Component
@Order(1)
@ConditionalOnProperty("switchboard.generate.records")
class GenerateRecordsCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(GenerateRecordsCommand.class);

	private final RecordGenerator generator;
	private final CrmRecords records;
	private final int count;
	private final long seed;

	GenerateRecordsCommand(RecordGenerator generator, CrmRecords records,
			@Value("${switchboard.generate.records}") int count, @Value("${switchboard.generate.seed:42}") long seed) {
		this.generator = generator;
		this.records = records;
		this.count = count;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		String owner = records.findByField("User", "Username", DemoUsers.AGENT).stream().findFirst().map(r -> r.id()).orElse(null);
		long started = System.nanoTime();
		generator.generate(count, seed, owner, done -> {
			if (done % 50_000 == 0 || done == count) {
				log.info("Generated {} of {} records", done, count);
			}
		});
		double seconds = (System.nanoTime() - started) / 1e9;
		log.info("Generated {} Contacts and Leads in {} s ({} records/s)", count, String.format("%.1f", seconds),
				Math.round(count / seconds));
	}
}
