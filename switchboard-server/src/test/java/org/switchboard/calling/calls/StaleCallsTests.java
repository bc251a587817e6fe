package org.switchboard.calling.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.support.EmbeddedServerTest;

class StaleCallsTests extends EmbeddedServerTest {

	@Autowired
	StaleCalls stale;

	@Autowired
	CallStore store;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCallWithNoEventForTwelveHoursIsEndedAndNoLongerReplayed() {
		String user = "005STALE" + UUID.randomUUID().toString().substring(0, 10);
		String old = insert(user, Duration.ofHours(13));
		String recent = insert(user, Duration.ofMinutes(5));

		stale.expire();

		Map<String, Object> ended = jdbc.sql("SELECT state, log_status FROM calling_call WHERE id = ?").param(old).query().singleRow();
		assertThat(ended).containsEntry("state", "disconnected").containsEntry("log_status", "off");
		assertThat(jdbc.sql("SELECT state FROM calling_call WHERE id = ?").param(recent).query(String.class).single()).isEqualTo("alerting");
		assertThat(store.activeFor(user, OffsetDateTime.now().minusDays(2).toInstant(), 20)).extracting(CallRow::id).containsExactly(recent);
	}

	@Test
	void aStreamReplaysAtMostTheNewestTwentyUnendedCalls() {
		String user = "005MANY" + UUID.randomUUID().toString().substring(0, 11);
		for (int i = 30; i > 0; i--) {
			insert(user, Duration.ofMinutes(i));
		}

		assertThat(store.activeFor(user, OffsetDateTime.now().minusHours(1).toInstant(), CallControl.MAX_ACTIVE)).hasSize(20);
	}

	private String insert(String user, Duration ago) {
		String id = CallTracker.newId();
		OffsetDateTime at = OffsetDateTime.now().minus(ago);
		jdbc.sql("""
				INSERT INTO calling_call (id, webex_call_id, user_id, direction, state, created_at, last_event_at, log_status)
				VALUES (?, ?, ?, 'INBOUND', 'alerting', ?, ?, 'pending')""")
			.params(id, "W-" + id, user, at, at).update();
		return id;
	}
}
