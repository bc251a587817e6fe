package org.switchboard.webex;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.platform.secrets.Secrets;

/** Creates webhooks at Webex with a fresh secret each, and remembers them (secrets encrypted) for verification. */
@Service
public class WebexWebhooks {

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
	@Transactional
	public RegisteredWebhook create(String token, String name, String targetUrl, String resource, String event,
			String filter, String ownerPersonId) {
		String secret = Secrets.newSecret();
		WebexWebhook created = client.createWebhook(token, new WebhookRequest(name, targetUrl, resource, event, filter, secret, null));
		RegisteredWebhook webhook = new RegisteredWebhook(created.id(), name, resource, event, targetUrl,
				ownerPersonId, clock.instant());
		jdbc.sql("""
				INSERT INTO webex_webhook (id, name, resource, event, target_url, secret_encrypted, owner_person_id, created_date)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(webhook.id(), name, resource, event, targetUrl, secrets.encrypt(secret), ownerPersonId,
					webhook.created().atOffset(ZoneOffset.UTC))
			.update();
		return webhook;
	}

	public List<RegisteredWebhook> all() {
		return jdbc.sql("SELECT id, name, resource, event, target_url, owner_person_id, created_date FROM webex_webhook ORDER BY created_date")
			.query((rs, i) -> new RegisteredWebhook(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Deletes it at Webex (ignoring one already gone there) and forgets it. */
	@Transactional
	public void delete(String token, String webhookId) {
		try {
			client.deleteWebhook(token, webhookId);
		}
		catch (WebexApiException.NotFound alreadyGone) {
			// Nothing to delete at Webex; forget it here all the same.
		}
		jdbc.sql("DELETE FROM webex_webhook WHERE id = ?").param(webhookId).update();
	}

	/** The webhook's secret and owner, for the receiver to verify a delivery; never log it. */
	public Optional<StoredSecret> secretOf(String webhookId) {
		return jdbc.sql("SELECT resource, secret_encrypted, owner_person_id FROM webex_webhook WHERE id = ?").param(webhookId)
			.query((rs, i) -> new StoredSecret(rs.getString(1), secrets.decrypt(rs.getString(2)), rs.getString(3)))
			.optional();
	}

	/** A registered webhook's resource, secret and owner. */
	public record StoredSecret(String resource, String secret, String ownerPersonId) {

		@Override
		public String toString() {
			return "StoredSecret[" + resource + ", owner " + ownerPersonId + "]";
		}
	}
}
