package org.switchboard.webex.webhook;

import java.util.List;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.webex.WebexWebhooks;
import org.switchboard.webex.WebhookDeadLetters;
import org.switchboard.webex.WebhookDelivery;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores a verified delivery and publishes its typed event in one transaction. When that fails for a reason a
 * redelivery would meet again (a value no column holds, a listener's bug), the delivery is stored as a dead letter
 * in a fresh transaction and still acknowledged: Webex disables a webhook that keeps failing, and the agent's next
 * calls would never pop. Only a database that cannot be reached lets the failure through, so Webex retries.
 */
@Component
class DeliveryProcessing implements WebhookDeadLetters {

	private static final Logger log = LoggerFactory.getLogger(DeliveryProcessing.class);

	private final DeliveryStore store;
	private final WebexWebhooks webhooks;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final JsonMapper json;

	DeliveryProcessing(DeliveryStore store, WebexWebhooks webhooks, ApplicationEventPublisher events,
			TransactionTemplate transactions, JsonMapper json) {
		this.store = store;
		this.webhooks = webhooks;
		this.events = events;
		this.transactions = transactions;
		this.json = json;
	}

	enum Outcome { STORED, DUPLICATE, FAILED }

	Outcome receive(String webhookId, String resource, String event, byte[] body, JsonNode envelope, String owner) {
		try {
			OptionalLong stored = transactions.execute(tx -> {
				OptionalLong id = store.store(webhookId, resource, event, body, envelope, DeliveryStore.PROCESSED, null);
				id.ifPresent(deliveryId -> {
					MDC.put(WebhookReceiver.DELIVERY_ID, Long.toString(deliveryId));
					log.debug("Stored a {}/{} delivery", resource, event);
					publish(deliveryId, owner, envelope);
				});
				return id;
			});
			return stored.isPresent() ? Outcome.STORED : Outcome.DUPLICATE;
		}
		catch (TransientDataAccessException | CannotCreateTransactionException unreachable) {
			throw unreachable;
		}
		catch (RuntimeException e) {
			String reason = reason(e);
			log.warn("Delivery for webhook {} ({}/{}) could not be processed and is kept as a dead letter: {}", webhookId,
					resource, event, reason);
			OptionalLong stored = transactions.execute(
					tx -> store.store(webhookId, resource, event, body, envelope, DeliveryStore.FAILED, reason));
			return stored.isPresent() ? Outcome.FAILED : Outcome.DUPLICATE;
		}
	}

	@Override
	public List<WebhookDelivery> list(String status, int limit) {
		return store.list(status, limit);
	}

	@Override
	public WebhookDelivery replay(long id) {
		WebhookDelivery delivery = store.find(id)
			.orElseThrow(() -> ProblemException.notFound("No webhook delivery " + id));
		if (!DeliveryStore.FAILED.equals(delivery.status())) {
			throw new ProblemException(Refusal.CONFLICT, "Conflict", "Only a failed delivery can be replayed; this one is " + delivery.status());
		}
		String owner = webhooks.secretOf(delivery.webhookId())
			.orElseThrow(() -> new ProblemException(Refusal.CONFLICT, "Conflict",
					"Webhook '" + delivery.webhookId() + "' is no longer registered, so its delivery has no owner"))
			.ownerPersonId();
		try {
			transactions.executeWithoutResult(tx -> store.lockFailed(id).ifPresent(body -> {
				publish(id, owner, json.readTree(body));
				store.finishReplay(id, null);
			}));
		}
		catch (TransientDataAccessException | CannotCreateTransactionException unreachable) {
			throw unreachable;
		}
		catch (RuntimeException e) {
			String reason = reason(e);
			log.warn("Replay of webhook delivery {} failed again: {}", id, reason);
			transactions.executeWithoutResult(tx -> store.finishReplay(id, reason));
		}
		return store.find(id).orElseThrow();
	}

	private void publish(long deliveryId, String owner, JsonNode envelope) {
		EventTranslator.translate(deliveryId, owner, envelope).ifPresent(events::publishEvent);
	}

	/** The innermost message, one line, no SQL text: what an admin needs to see why it failed. */
	static String reason(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? "no message" : root.getMessage();
		message = message.lines().findFirst().orElse("");
		int sql = message.indexOf("; SQL statement");
		message = sql > 0 ? message.substring(0, sql) : message;
		return message.length() > 500 ? message.substring(0, 500) + "…" : message;
	}
}
