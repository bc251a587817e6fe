package org.switchboard.webex.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.switchboard.webex.WebhookDelivery;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** Stores verified deliveries; a byte-identical redelivery is recognised by its body hash. */
@Component
class DeliveryStore {

	static final String PROCESSED = "processed";
	static final String FAILED = "failed";
	private static final String COLUMNS = "SELECT id, webhook_id, resource, event, status, attempts, last_error, received_date FROM webex_delivery";
	private static final RowMapper<WebhookDelivery> DELIVERY = (rs, i) -> new WebhookDelivery(rs.getLong(1),
			rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7),
			rs.getObject(8, OffsetDateTime.class).toInstant());

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	DeliveryStore(JdbcClient jdbc, JsonMapper json, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.json = json;
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
	OptionalLong store(String webhookId, String resource, String event, byte[] body, JsonNode envelope, String status,
			String error) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				INSERT INTO webex_delivery (body_sha256, webhook_id, resource, event, body, received_date, status, last_error)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(Signatures.sha256(body), webhookId, resource, event, storable(body, envelope),
					clock.instant().atOffset(ZoneOffset.UTC), status, error)
			.update(key, "id");
		return inserted == 0 ? OptionalLong.empty() : OptionalLong.of(key.getKey().longValue());
	}

	List<WebhookDelivery> list(String status, int limit) {
		return status == null
				? jdbc.sql(COLUMNS + " ORDER BY id DESC LIMIT ?").param(limit).query(DELIVERY).list()
				: jdbc.sql(COLUMNS + " WHERE status = ? ORDER BY id DESC LIMIT ?").params(status, limit).query(DELIVERY).list();
	}

	Optional<WebhookDelivery> find(long id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query(DELIVERY).optional();
	}

	/** The body of a failed delivery, locked for its replay; empty if it is not (or no longer) failed. */
	Optional<String> lockFailed(long id) {
		return jdbc.sql("SELECT body FROM webex_delivery WHERE id = ? AND status = ? FOR UPDATE").params(id, FAILED)
			.query(String.class).optional();
	}

	void finishReplay(long id, String error) {
		jdbc.sql("UPDATE webex_delivery SET status = ?, attempts = attempts + 1, last_error = ? WHERE id = ?")
			.params(error == null ? PROCESSED : FAILED, error, id).update();
	}

	/**
	 * The body as text the database can hold: as received when it is UTF-8 without NUL characters (which PostgreSQL
	 * refuses), otherwise re-written from the parsed envelope (a UTF-16 or UTF-32 body, escaped NULs kept escaped).
	 */
	private String storable(byte[] body, JsonNode envelope) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
			if (text.indexOf('\0') < 0) {
				return text;
			}
		}
		catch (CharacterCodingException notUtf8) {
			// re-written below
		}
		return json.writeValueAsString(envelope);
	}
}
