package org.switchboard.webex.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Stores verified deliveries; a byte-identical redelivery is recognised by its body hash. */
@Component
class DeliveryStore {

	private final JdbcClient jdbc;
	private final Clock clock;

	DeliveryStore(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.clock = clock;
		Gauge.builder("switchboard.webhooks.last.received", this, DeliveryStore::lastReceivedEpochSeconds)
			.description("When the last webhook delivery was stored, by any replica (epoch seconds; 0 before the first)")
			.baseUnit("seconds")
			.register(meters);
	}

	/** The newest delivery's arrival, read through the primary key so it stays cheap on a long table. */
	private double lastReceivedEpochSeconds() {
		return jdbc.sql("SELECT received_date FROM webex_delivery ORDER BY id DESC LIMIT 1")
			.query((rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class))
			.optional()
			.map(at -> at.toEpochSecond() + at.getNano() / 1e9)
			.orElse(0.0);
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
