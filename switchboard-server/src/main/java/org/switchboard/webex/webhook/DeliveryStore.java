package org.switchboard.webex.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Stores verified deliveries; a byte-identical redelivery is recognised by its body hash. */
@Component
class DeliveryStore {

	private final JdbcClient jdbc;
	private final Clock clock;

	DeliveryStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The new delivery's id, or empty if this exact delivery was stored before. */
	OptionalLong store(String webhookId, String resource, String event, byte[] body) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				INSERT INTO webex_delivery (body_sha256, webhook_id, resource, event, body, received_date) VALUES (?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING""")
			.params(Signatures.sha256(body), webhookId, resource, event, new String(body, StandardCharsets.UTF_8),
					clock.instant().atOffset(ZoneOffset.UTC))
			.update(key, "id");
		return inserted == 0 ? OptionalLong.empty() : OptionalLong.of(key.getKey().longValue());
	}
}
