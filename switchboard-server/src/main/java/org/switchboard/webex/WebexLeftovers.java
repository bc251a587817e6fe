package org.switchboard.webex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.switchboard.platform.lifecycle.Uninstallable;

/**
 * Uninstall of the Webex side: every webhook of ours (those we stored, and any a linked user's token lists that points at
 * a Switchboard receiver) is deleted at Webex with its owner's token, then forgotten; then the users' stored tokens. A
 * user whose webhook could not be deleted keeps the token, so running uninstall again retries it.
 */
@Component
@Order(50)
class WebexLeftovers implements Uninstallable {

	private static final String RECEIVER_PATH = "/webhooks/webex";

	private final WebexClient client;
	private final WebexWebhooks webhooks;
	private final WebexAccounts accounts;
	private final JdbcClient jdbc;

	WebexLeftovers(WebexClient client, WebexWebhooks webhooks, WebexAccounts accounts, JdbcClient jdbc) {
		this.client = client;
		this.webhooks = webhooks;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@Override
	public List<Leftover> leftovers() {
		List<Leftover> leftovers = new ArrayList<>();
		webhooks.all().forEach(w -> leftovers.add(webhook(w.id(), w.resource(), w.targetUrl(), owner(w.ownerPersonId()))));
		accounts.all().forEach(a -> leftovers.add(token(a)));
		return leftovers;
	}

	@Override
	public List<Removal> remove() {
		List<Removal> removals = new ArrayList<>();
		Map<String, RegisteredWebhook> stored = new LinkedHashMap<>();
		webhooks.all().forEach(w -> stored.put(w.id(), w));
		for (WebexAccount account : accounts.all()) {
			Optional<String> token = accounts.tokenFor(account.userId());
			for (WebexWebhook listed : token.map(this::listed).orElse(List.of())) {
				String id = listed.id();
				if (stored.containsKey(id) || listed.targetUrl().endsWith(RECEIVER_PATH)) {
					Removal removal = delete(token.get(), webhook(id, listed.resource(), listed.targetUrl(), account.email()));
					stored.remove(id);
					removals.add(removal);
				}
			}
			for (RegisteredWebhook w : List.copyOf(stored.values())) {
				if (account.personId().equals(w.ownerPersonId()) && token.isPresent()) {
					removals.add(delete(token.get(), webhook(w.id(), w.resource(), w.targetUrl(), account.email())));
					stored.remove(w.id());
				}
			}
			boolean clean = jdbc.sql("SELECT COUNT(*) FROM webex_webhook WHERE owner_person_id = ?").param(account.personId())
				.query(Integer.class).single() == 0;
			if (clean) {
				jdbc.sql("DELETE FROM webex_account WHERE user_id = ?").param(account.userId()).update();
				removals.add(Removal.removed(token(account)));
			}
		}
		for (RegisteredWebhook orphan : stored.values()) {
			jdbc.sql("DELETE FROM webex_webhook WHERE id = ?").param(orphan.id()).update();
			removals.add(Removal.failed(webhook(orphan.id(), orphan.resource(), orphan.targetUrl(), owner(orphan.ownerPersonId())),
					"no stored token of its owner to delete it at Webex with: forgotten here; delete it at developer.webex.com"));
		}
		return removals;
	}

	private List<WebexWebhook> listed(String token) {
		try {
			return client.webhooks(token);
		}
		catch (WebexApiException e) {
			return List.of();
		}
	}

	/**
	 * Deletes the webhook at Webex (one already gone counts as deleted), then forgets it. Any other refusal keeps it here
	 * for the next run, unless the owner's token is rejected: no retry can help then.
	 */
	private Removal delete(String token, Leftover webhook) {
		try {
			client.deleteWebhook(token, webhook.id());
		}
		catch (WebexApiException.NotFound alreadyGone) {
			// Deleted at Webex before: forget it all the same.
		}
		catch (WebexApiException.Unauthorized e) {
			jdbc.sql("DELETE FROM webex_webhook WHERE id = ?").param(webhook.id()).update();
			return Removal.failed(webhook, "Webex no longer accepts its owner's token: forgotten here; delete it at developer.webex.com");
		}
		catch (WebexApiException e) {
			return Removal.failed(webhook, e.getMessage());
		}
		jdbc.sql("DELETE FROM webex_webhook WHERE id = ?").param(webhook.id()).update();
		return Removal.removed(webhook);
	}

	private String owner(String personId) {
		return accounts.forPerson(personId).map(WebexAccount::email).orElse(personId);
	}

	private static Leftover webhook(String id, String resource, String targetUrl, String owner) {
		return new Leftover("webhook", id, resource + " webhook of " + owner + " to " + targetUrl);
	}

	private static Leftover token(WebexAccount account) {
		return new Leftover("token", account.userId(), "Webex token of " + account.email());
	}
}
