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
	private final org.springframework.context.ConfigurableApplicationContext context;
	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	GenerateRecordsCommand(RecordGenerator generator, CrmRecords records,
			@Value("${switchboard.generate.records}") int count, @Value("${switchboard.generate.seed:42}") long seed,
			org.springframework.context.ConfigurableApplicationContext context, org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.context = context;
		this.jdbc = jdbc;
		this.generator = generator;
		this.records = records;
		this.count = count;
		this.seed = seed;
	}

	private boolean isH2() {
		return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName().equals("H2")));
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
		if (!(context instanceof org.springframework.boot.web.server.context.WebServerApplicationContext)) {
			// H2 never overwrites pages in place: a bulk load leaves most of the file as old page copies (ADR 0023).
			// The command owns the store, so it closes it rewritten with the live data only.
			if (isH2()) {
				long compacting = System.nanoTime();
				jdbc.execute("SHUTDOWN COMPACT");
				log.info("Compacted the H2 file in {} s", String.format("%.1f", (System.nanoTime() - compacting) / 1e9));
			}
			// Without a web server the scheduler's thread would keep the JVM alive: exit.
			System.exit(org.springframework.boot.SpringApplication.exit(context));
		}
	}
}
