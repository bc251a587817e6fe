package org.switchboard.platform.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Named leases in the database ({@code platform_lease}, ADR 0024) so that work meant for one replica at a time runs on
 * one: a replica takes a lease that is free or expired with one conditional statement (the row's primary key settles a
 * race to create it), holds it for at most the given time, and releases it when done. Works alike on H2 and PostgreSQL,
 * in autocommit (never inside the caller's transaction, so a lease is visible to the others at once).
 */
@Component
public class Leases {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final String holder;

	@Autowired
	Leases(JdbcClient jdbc, Clock clock) {
		this(jdbc, clock, "replica-" + UUID.randomUUID());
	}

	/** For tests standing in for another replica: its own holder name. */
	public Leases(JdbcClient jdbc, Clock clock, String holder) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.holder = holder;
	}

	/** Takes the lease when no other replica holds it (or its hold ran out); the lease ends at {@code atMost} at the latest. */
	public Optional<Lease> tryAcquire(String name, Duration atMost) {
		Instant now = clock.instant();
		OffsetDateTime until = utc(now.plus(atMost));
		int taken = jdbc.sql("UPDATE platform_lease SET holder = ?, expires_at = ? WHERE name = ? AND (expires_at <= ? OR holder = ?)")
			.params(holder, until, name, utc(now), holder).update();
		if (taken == 0) {
			try {
				taken = jdbc.sql("INSERT INTO platform_lease (name, holder, expires_at) VALUES (?, ?, ?)").params(name, holder, until).update();
			}
			catch (DuplicateKeyException heldByAnother) {
				return Optional.empty();
			}
		}
		return taken == 1 ? Optional.of(new Lease(name)) : Optional.empty();
	}

	/** Waits (polling) up to {@code wait} for the lease. */
	public Optional<Lease> acquire(String name, Duration atMost, Duration wait) throws InterruptedException {
		Instant giveUp = Instant.now().plus(wait);
		Optional<Lease> lease = tryAcquire(name, atMost);
		while (lease.isEmpty() && Instant.now().isBefore(giveUp)) {
			Thread.sleep(100);
			lease = tryAcquire(name, atMost);
		}
		return lease;
	}

	/** Who holds the lease now, if anyone. */
	public Optional<String> holder(String name) {
		return jdbc.sql("SELECT holder FROM platform_lease WHERE name = ? AND expires_at > ?").params(name, utc(clock.instant()))
			.query(String.class).optional();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** A held lease; closing it releases it (only if this replica still holds it). */
	public final class Lease implements AutoCloseable {

		private final String name;

		private Lease(String name) {
			this.name = name;
		}

		/**
		 * Inside the caller's transaction: whether this replica still holds the lease, locking its row until that
		 * transaction ends, so a replica taking the lease over waits for the commit (fencing: what this holder stores
		 * with its work cannot land after another holder has started from the stored state).
		 */
		public boolean confirm() {
			return jdbc.sql("SELECT holder FROM platform_lease WHERE name = ? AND holder = ? AND expires_at > ? FOR UPDATE")
				.params(name, holder, utc(clock.instant())).query(String.class).optional().isPresent();
		}

		@Override
		public void close() {
			jdbc.sql("DELETE FROM platform_lease WHERE name = ? AND holder = ?").params(name, holder).update();
		}
	}
}
