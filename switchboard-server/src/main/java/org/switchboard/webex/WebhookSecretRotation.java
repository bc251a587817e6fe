package org.switchboard.webex;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.switchboard.platform.lease.Leases;
import org.switchboard.platform.lease.Leases.Lease;

/**
 * Rotates every stored webhook's secret on an admin's request (issue 10, item 3): each webhook gets a new secret here and
 * at Webex with its owner's token, while the old one is still accepted for
 * {@code switchboard.webex.webhooks.secret-overlap} (15 minutes), so no delivery signed during the switch is refused.
 * Holds the reconciliation lease, so no replica creates or deletes webhooks meanwhile.
 */
@Service
public class WebhookSecretRotation {

	private static final Logger log = LoggerFactory.getLogger(WebhookSecretRotation.class);

	private final WebexWebhooks webhooks;
	private final WebexAccounts accounts;
	private final Leases leases;
	private final Clock clock;
	private final Duration overlap;

	WebhookSecretRotation(WebexWebhooks webhooks, WebexAccounts accounts, Leases leases, Clock clock,
			@Value("${switchboard.webex.webhooks.secret-overlap:PT15M}") Duration overlap) {
		this.webhooks = webhooks;
		this.accounts = accounts;
		this.leases = leases;
		this.clock = clock;
		this.overlap = overlap;
	}

	/** What one rotation did: how many webhooks have a new secret, and which could not get one and why. */
	public record Outcome(int rotated, List<Failure> failed) {
	}

	/** A webhook whose secret stays as it was. */
	public record Failure(String webhookId, String resource, String reason) {
	}

	public Outcome rotateAll() {
		Optional<Lease> lease = acquire();
		if (lease.isEmpty()) {
			return new Outcome(0, List.of(new Failure(null, null, "Another replica is busy with the webhooks; try again in a minute")));
		}
		try (Lease held = lease.get()) {
			int rotated = 0;
			List<Failure> failed = new ArrayList<>();
			for (RegisteredWebhook webhook : webhooks.all()) {
				Optional<String> token = accounts.forPerson(webhook.ownerPersonId()).flatMap(a -> accounts.tokenFor(a.userId()));
				if (token.isEmpty()) {
					failed.add(new Failure(webhook.id(), webhook.resource(), "its owner is signed out of Webex"));
					continue;
				}
				try {
					webhooks.rotateSecret(token.get(), webhook, clock.instant().plus(overlap));
					rotated++;
				}
				catch (WebexApiException e) {
					failed.add(new Failure(webhook.id(), webhook.resource(), "Webex refused: " + e.getMessage()));
				}
			}
			log.info("Webhook secrets rotated: {} rotated, {} not", rotated, failed.size());
			return new Outcome(rotated, failed);
		}
	}

	private Optional<Lease> acquire() {
		try {
			return leases.acquire(WebhookReconciler.LEASE, Duration.ofMinutes(10), Duration.ofSeconds(30));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}
}
