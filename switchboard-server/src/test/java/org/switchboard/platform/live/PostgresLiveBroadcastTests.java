package org.switchboard.platform.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.support.PostgresSchema;

@SpringBootTest(properties = { "switchboard.demo.enabled=false", "switchboard.live-events=postgres" })
class PostgresLiveBroadcastTests {

	@Autowired
	LiveEvents live;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		PostgresSchema.register(registry);
	}

	@Test
	void anEventOf3000CjkCharactersFitsNotifyByGoingThroughTheOverflowTable() {
		// 3,000 characters but 9,000 UTF-8 bytes: over NOTIFY's 8,000-byte limit.
		String text = "漢".repeat(3_000);

		transactions.executeWithoutResult(tx -> live.publish("005000000000001AAA", "message", "M1", Map.of("text", text)));

		assertThat(jdbc.sql("SELECT payload FROM live_event_overflow").query(String.class).list())
			.anySatisfy(payload -> assertThat(payload).contains(text));
	}
}
