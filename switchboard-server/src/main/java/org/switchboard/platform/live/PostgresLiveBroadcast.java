package org.switchboard.platform.live;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Several replicas on one PostgreSQL: the event is a {@code NOTIFY} issued inside the transaction of the change, so
 * PostgreSQL delivers it to every replica's {@code LISTEN} exactly when (and only if) the change commits; each replica
 * hands it to the tabs it holds. The channel is per schema, so deployments sharing a database stay apart. Events too
 * large for a NOTIFY payload travel through the {@code live_event_overflow} table and the notice carries its row id.
 */
@Component
@ConditionalOnProperty(name = "switchboard.live-events", havingValue = "postgres")
class PostgresLiveBroadcast implements LiveBroadcast, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PostgresLiveBroadcast.class);
	/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more (bytes in the database's UTF-8, not characters). */
	private static final int MAX_PAYLOAD = 7_900;
	private static final String OVERFLOW_PREFIX = "#";

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final String channel;
	private volatile Consumer<LiveEvent> receiver = e -> {
	};
	private volatile boolean running;
	private Thread listener;

	PostgresLiveBroadcast(DataSource dataSource, JdbcClient jdbc, JsonMapper json) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.json = json;
		this.channel = "switchboard_live_" + jdbc.sql("SELECT current_schema()").query(String.class).single();
	}

	@Override
	public void prepare(LiveEvent event) {
		String payload = json.writeValueAsString(event);
		if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
			long id = jdbc.sql("INSERT INTO live_event_overflow (payload, created_date) VALUES (?, now()) RETURNING id")
				.param(payload).query(Long.class).single();
			payload = OVERFLOW_PREFIX + id;
		}
		jdbc.sql("SELECT pg_notify(?, ?)").params(channel, payload).query((rs, i) -> null).list();
	}

	@Override
	public void send(LiveEvent event) {
		// Sent by PostgreSQL on commit; nothing to do here.
	}

	@Override
	public void onReceive(Consumer<LiveEvent> receiver) {
		this.receiver = receiver;
	}

	@Override
	public void start() {
		running = true;
		listener = new Thread(this::listen, "live-events-listener");
		listener.setDaemon(true);
		listener.start();
	}

	@Override
	public void stop() {
		running = false;
		if (listener != null) {
			listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Every replica has read an overflowed event within seconds; an hour is plenty. */
	@Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
	void forgetOldOverflow() {
		jdbc.sql("DELETE FROM live_event_overflow WHERE created_date < ?")
			.param(OffsetDateTime.now().minus(Duration.ofHours(1))).update();
	}

	private void listen() {
		while (running) {
			try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("LISTEN \"" + channel + "\"");
				PGConnection pg = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] notifications = pg.getNotifications(5_000);
					if (notifications != null) {
						for (PGNotification n : notifications) {
							receiver.accept(read(n.getParameter()));
						}
					}
				}
			}
			catch (SQLException | RuntimeException e) {
				if (running) {
					log.warn("Lost the live-event LISTEN connection ({}); reconnecting", e.getMessage());
					pause();
				}
			}
		}
	}

	private LiveEvent read(String payload) {
		if (payload.startsWith(OVERFLOW_PREFIX)) {
			payload = jdbc.sql("SELECT payload FROM live_event_overflow WHERE id = ?")
				.param(Long.parseLong(payload.substring(1))).query(String.class).single();
		}
		return json.readValue(payload, LiveEvent.class);
	}

	private static void pause() {
		try {
			Thread.sleep(1_000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
