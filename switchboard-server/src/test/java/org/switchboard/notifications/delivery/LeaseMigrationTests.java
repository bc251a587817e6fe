package org.switchboard.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.notifications.claim.Claimed;

/** V28 on a store that already holds pending deliveries (its second start after the upgrade): they are claimed and sent. */
class LeaseMigrationTests {

	@Test
	void pendingRowsOfAStoreMigratedToLeasesAreClaimedAndSent() {
		JdbcDataSource store = new JdbcDataSource();
		store.setURL("jdbc:h2:mem:lease" + UUID.randomUUID().toString().replace("-", "")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		migrate(store, "26");
		JdbcClient jdbc = JdbcClient.create(store);
		Instant queued = Instant.now().minusSeconds(60);
		jdbc.sql("INSERT INTO notification_delivery (change_key, rule_id, rule_name, object_name, record_id, space_id, room_id, text, status, next_attempt_at, created_date, updated_date) VALUES ('c', 'r', 'Rule', 'Opportunity', '006000000000001AAA', 's', 'room', 'queued before the upgrade', 'pending', ?, ?, ?)")
			.params(queued.atOffset(ZoneOffset.UTC), queued.atOffset(ZoneOffset.UTC), queued.atOffset(ZoneOffset.UTC)).update();

		migrate(store, "latest");
		Outbox outbox = new Outbox(jdbc, new JdbcTemplate(store));
		Instant now = Instant.now();
		Claimed<Delivery> claim = outbox.claimDue(now, now.plusSeconds(360)).orElseThrow();

		assertThat(claim.row().text()).isEqualTo("queued before the upgrade");
		assertThat(outbox.sent(claim, "m-1", now)).isTrue();
		assertThat(outbox.count("sent")).isEqualTo(1);
	}

	private static void migrate(JdbcDataSource store, String target) {
		Flyway.configure().dataSource(store).locations("classpath:db/migration/common", "classpath:db/migration/h2").target(target)
			.load().migrate();
	}
}
