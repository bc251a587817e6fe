package org.switchboard.webex;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.switchboard.platform.secrets.Secrets;

/**
 * Creates webhooks at Webex with a fresh secret each, and remembers them (secrets encrypted) for verification.
 * The call to Webex comes first and outside any transaction; a row is written only for a webhook Webex made, and a
 * webhook whose row cannot be written is deleted again, so neither side is left with half of one.
 */
@Service
public class WebexWebhooks {

	private static final Logger log = LoggerFactory.getLogger(WebexWebhooks.class);
	private static final String COLUMNS = """
			SELECT w.id, w.name, w.resource, w.event, w.target_url, w.owner_person_id, w.created_date, w.status, w.checked_date,
			    (SELECT MAX(d.received_date) FROM webex_delivery d WHERE d.webhook_id = w.id)
			FROM webex_webhook w""";
	private static final RowMapper<RegisteredWebhook> WEBHOOK = (rs, i) -> new RegisteredWebhook(rs.getString(1), rs.getString(2),
			rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
			rs.getString(8), instant(rs.getObject(9, OffsetDateTime.class)), instant(rs.getObject(10, OffsetDateTime.class)));

	private final WebexClient client;
	private final JdbcClient jdbc;
	private final Secrets secrets;
	private final Clock clock;

	WebexWebhooks(WebexClient client, JdbcClient jdbc, Secrets secrets, Clock clock) {
		this.client = client;
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.clock = clock;
	}

	/** Creates the webhook at Webex for the token's owner and stores it; returns what Webex answered. */
	public RegisteredWebhook create(String token, String name, String targetUrl, String resource, String event,
			String filter, String ownerPersonId) {
		String secret = Secrets.newSecret();
		WebexWebhook created = client.createWebhook(token, new WebhookRequest(name, targetUrl, resource, event, filter, secret, null));
		Instant now = clock.instant();
		RegisteredWebhook webhook = new RegisteredWebhook(created.id(), name, resource, event, targetUrl,
				ownerPersonId, now, created.status(), now, null);
		try {
			jdbc.sql("""
					INSERT INTO webex_webhook (id, name, resource, event, target_url, secret_encrypted, owner_person_id, created_date, status, checked_date)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(webhook.id(), name, resource, event, targetUrl, secrets.encrypt(secret), ownerPersonId, utc(now), webhook.status(), utc(now))
				.update();
		}
		catch (RuntimeException notStored) {
			undo(token, webhook.id());
			throw notStored;
		}
		return webhook;
	}

	public List<RegisteredWebhook> all() {
		return jdbc.sql(COLUMNS + " ORDER BY w.created_date").query(WEBHOOK).list();
	}

	public List<RegisteredWebhook> ownedBy(String personId) {
		return jdbc.sql(COLUMNS + " WHERE w.owner_person_id = ? ORDER BY w.created_date").param(personId).query(WEBHOOK).list();
	}

	/** Re-enables a webhook Webex turned {@code inactive} ({@code PUT … "status":"active"}, keeping its name, target and secret). */
	public void reactivate(String token, RegisteredWebhook webhook) {
		client.updateWebhook(token, webhook.id(), new WebhookRequest(webhook.name(), webhook.targetUrl(), webhook.resource(),
				webhook.event(), null, null, "active"));
		markStatus(webhook.id(), "active");
	}

	/** Records what Webex last said about the webhook ({@code active}, {@code inactive}). */
	public void markStatus(String webhookId, String status) {
		jdbc.sql("UPDATE webex_webhook SET status = ?, checked_date = ? WHERE id = ?").params(status, utc(clock.instant()), webhookId).update();
	}

	/** Deletes it at Webex (ignoring one already gone there) and forgets it; if Webex cannot delete it, it is kept. */
	public void delete(String token, String webhookId) {
		try {
			client.deleteWebhook(token, webhookId);
		}
		catch (WebexApiException.NotFound alreadyGone) {
			// Nothing to delete at Webex; forget it here all the same.
		}
		forget(webhookId);
	}

	/** Forgets a webhook Webex no longer has. */
	public void forget(String webhookId) {
		jdbc.sql("DELETE FROM webex_webhook WHERE id = ?").param(webhookId).update();
	}

	/**
	 * Gives the webhook a new secret, here first and then at Webex ({@code PUT} with the new secret), keeping the old one
	 * accepted until {@code overlapUntil}: whatever Webex signs while the two sides switch is verified. Only single
	 * statements here, none around the Webex call; if Webex refuses, the old secret is put back and the refusal thrown.
	 */
	public void rotateSecret(String token, RegisteredWebhook webhook, Instant overlapUntil) {
		String old = jdbc.sql("SELECT secret_encrypted FROM webex_webhook WHERE id = ?").param(webhook.id()).query(String.class).single();
		String fresh = secrets.encrypt(Secrets.newSecret());
		jdbc.sql("UPDATE webex_webhook SET secret_encrypted = ?, previous_secret_encrypted = ?, previous_secret_until = ? WHERE id = ?")
			.params(fresh, old, utc(overlapUntil), webhook.id()).update();
		try {
			client.updateWebhook(token, webhook.id(), new WebhookRequest(webhook.name(), webhook.targetUrl(), webhook.resource(),
					webhook.event(), null, secrets.decrypt(fresh), null));
		}
		catch (RuntimeException refused) {
			jdbc.sql("UPDATE webex_webhook SET secret_encrypted = ?, previous_secret_encrypted = NULL, previous_secret_until = NULL WHERE id = ?")
				.params(old, webhook.id()).update();
			throw refused;
		}
	}

	/** The webhook's secrets and owner, for the receiver to verify a delivery; never log it. */
	public Optional<StoredSecret> secretOf(String webhookId) {
		return jdbc.sql("""
				SELECT resource, secret_encrypted, owner_person_id, previous_secret_encrypted, previous_secret_until
				FROM webex_webhook WHERE id = ?""").param(webhookId)
			.query((rs, i) -> new StoredSecret(rs.getString(1), secrets.decrypt(rs.getString(2)), rs.getString(3),
					rs.getString(4) == null ? null : secrets.decrypt(rs.getString(4)), instant(rs.getObject(5, OffsetDateTime.class))))
			.optional();
	}

	private void undo(String token, String webhookId) {
		try {
			client.deleteWebhook(token, webhookId);
		}
		catch (WebexApiException e) {
			log.warn("Webhook {} was created at Webex but could not be stored nor deleted again ({}); the next reconciliation removes it",
					webhookId, e.getMessage());
		}
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	/** A registered webhook's resource, secret and owner, and the secret before the last rotation while it is still accepted. */
	public record StoredSecret(String resource, String secret, String ownerPersonId, String previousSecret, Instant previousUntil) {

		public StoredSecret(String resource, String secret, String ownerPersonId) {
			this(resource, secret, ownerPersonId, null, null);
		}

		/** The secrets a delivery may be signed with at {@code now}: the current one, and the previous one during the overlap. */
		public java.util.List<String> acceptedAt(Instant now) {
			return previousSecret != null && previousUntil != null && now.isBefore(previousUntil) ? List.of(secret, previousSecret) : List.of(secret);
		}

		@Override
		public String toString() {
			return "StoredSecret[" + resource + ", owner " + ownerPersonId + "]";
		}
	}
}
