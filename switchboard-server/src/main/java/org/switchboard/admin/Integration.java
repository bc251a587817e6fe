package org.switchboard.admin;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.secrets.Secrets;
import org.switchboard.webex.RegisteredWebhook;
import org.switchboard.webex.WebexAccount;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexPerson;
import org.switchboard.webex.WebexWebhooks;
import org.switchboard.webex.PublicAddress;
import org.switchboard.webex.WebhookReconciler;

/** Registration of the Webex integration (A1), the state of its token as last checked, and its webhook site (C8), audited. */
@Service
public class Integration {


	private final WebexClient client;
	private final WebexWebhooks webhooks;
	private final WebexAccounts accounts;
	private final WebhookReconciler reconciler;
	private final PublicAddress address;
	private final Secrets secrets;
	private final AuditLog audit;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final AtomicReference<WebexConnection> lastCheck = new AtomicReference<>(WebexConnection.unchecked());

	Integration(WebexClient client, WebexWebhooks webhooks, WebexAccounts accounts, WebhookReconciler reconciler, PublicAddress address,
			Secrets secrets, AuditLog audit, JdbcClient jdbc, Clock clock, TransactionTemplate transactions) {
		this.client = client;
		this.webhooks = webhooks;
		this.accounts = accounts;
		this.reconciler = reconciler;
		this.address = address;
		this.secrets = secrets;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * Checks the token against Webex (outside any transaction) and stores the registration; a rejected token, or a bot's,
	 * is a 400 saying why, and nothing is stored.
	 */
	public Map<String, Object> register(String accessToken, String actor) {
		if (accessToken == null || accessToken.isBlank()) {
			throw ProblemException.badRequest("An access token is required", new FieldProblem("accessToken", "is required"));
		}
		String token = accessToken.trim();
		WebexPerson me;
		try {
			me = client.me(token);
		}
		catch (WebexApiException.Unauthorized e) {
			throw ProblemException.badRequest("Webex did not accept the token (it may have expired: personal tokens last 12 hours)",
					new FieldProblem("accessToken", "rejected by Webex"));
		}
		if (me.isBot()) {
			throw ProblemException.badRequest("That is the token of a bot (" + me.email() + "); register with a "
					+ "person's token, a Webex admin of your organisation", new FieldProblem("accessToken", "belongs to a bot, not a person"));
		}
		transactions.executeWithoutResult(tx -> {
			jdbc.sql("DELETE FROM admin_integration").update();
			jdbc.sql("INSERT INTO admin_integration (id, person_id, email, display_name, org_id, token_encrypted, registered_by, registered_date) VALUES (1, ?, ?, ?, ?, ?, ?, ?)")
				.params(me.id(), me.email(), me.displayName(), me.orgId(), secrets.encrypt(token), actor, clock.instant().atOffset(ZoneOffset.UTC))
				.update();
			audit.record(actor, "integration.register", "webex", null, me.email());
		});
		lastCheck.set(new WebexConnection(WebexConnection.State.VALID, clock.instant(), "accepted at registration"));
		return status();
	}

	@Transactional
	public void unregister(String actor) {
		jdbc.sql("DELETE FROM admin_integration").update();
		audit.record(actor, "integration.unregister", "webex", null, null);
		lastCheck.set(new WebexConnection(WebexConnection.State.NOT_REGISTERED, clock.instant(), null));
	}

	/** The connection as last checked; costs nothing, calls nobody (health reads this). */
	public WebexConnection lastCheck() {
		return lastCheck.get();
	}

	/** Asks Webex ({@code GET people/me}) whether it still accepts the registered token, and remembers the answer. */
	@Scheduled(initialDelayString = "${switchboard.webex.connection-check-delay:PT2S}",
			fixedDelayString = "${switchboard.webex.connection-check-interval:PT1M}")
	public WebexConnection checkConnection() {
		Optional<String> token = jdbc.sql("SELECT token_encrypted FROM admin_integration WHERE id = 1").query(String.class).optional()
			.map(secrets::decrypt);
		WebexConnection check;
		if (token.isEmpty()) {
			check = new WebexConnection(WebexConnection.State.NOT_REGISTERED, clock.instant(), null);
		}
		else {
			try {
				client.me(token.get());
				check = new WebexConnection(WebexConnection.State.VALID, clock.instant(), null);
			}
			catch (WebexApiException.Unauthorized e) {
				check = new WebexConnection(WebexConnection.State.REJECTED, clock.instant(), e.getMessage());
			}
			catch (WebexApiException e) {
				check = new WebexConnection(WebexConnection.State.UNREACHABLE, clock.instant(), e.getMessage());
			}
		}
		lastCheck.set(check);
		return check;
	}

	/**
	 * Reconciles every signed-in user's webhooks with what Webex lists (creating those missing) at
	 * {@code <publicBaseUrl>/webhooks/webex}; without a public base URL, a 400 naming the setting.
	 */
	public List<RegisteredWebhook> createSite(String actor) {
		if (address.baseUrl().isEmpty()) {
			throw ProblemException.badRequest("Set the public base URL in the general settings first: Webex must reach Switchboard there",
					new FieldProblem("publicBaseUrl", "is not set"));
		}
		WebhookReconciler.Result result = reconciler.reconcileAll();
		audit.record(actor, "integration.site", address.baseUrl().get() + WebhookReconciler.WEBHOOK_PATH, null,
				result.created().size() + " webhooks created, " + result.reactivated() + " re-activated, " + result.removed() + " removed");
		return result.created();
	}

	/** The registration with the token checked at Webex now (outside any transaction), the linked users and the webhooks. */
	public Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		Optional<Map<String, Object>> registration = registration();
		status.put("registered", registration.isPresent());
		status.put("registration", registration.orElse(null));
		WebexConnection connection = checkConnection();
		status.put("tokenValid", connection.state() == WebexConnection.State.VALID);
		status.put("tokenState", connection.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
		status.put("tokenAdvice", connection.state().advice());
		status.put("checkedAt", connection.checkedAt() == null ? null : connection.checkedAt().toString());
		status.put("linkedUsers", accounts.all().size());
		status.put("webhooks", webhookStatus());
		return status;
	}

	/** Who registered, as stored (no Webex call). */
	public Optional<Map<String, Object>> registration() {
		return jdbc.sql("SELECT person_id, email, display_name, org_id, registered_by, registered_date FROM admin_integration WHERE id = 1")
			.query((rs, i) -> {
				Map<String, Object> r = new LinkedHashMap<>();
				r.put("personId", rs.getString(1));
				r.put("email", rs.getString(2));
				r.put("displayName", rs.getString(3));
				r.put("orgId", rs.getString(4));
				r.put("registeredBy", rs.getString(5));
				r.put("registeredAt", rs.getObject(6, OffsetDateTime.class).toInstant().toString());
				return r;
			}).optional();
	}

	/** Each webhook as the last reconciliation found it at Webex, with its last delivery (no Webex call here). */
	private List<Map<String, Object>> webhookStatus() {
		List<Map<String, Object>> list = new ArrayList<>();
		for (RegisteredWebhook w : webhooks.all()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", w.id());
			item.put("resource", w.resource());
			item.put("targetUrl", w.targetUrl());
			item.put("ownerPersonId", w.ownerPersonId());
			item.put("ownerEmail", accounts.forPerson(w.ownerPersonId()).map(WebexAccount::email).orElse(null));
			item.put("status", w.status());
			item.put("checkedAt", w.checked() == null ? null : w.checked().toString());
			item.put("lastDeliveryAt", w.lastDelivery() == null ? null : w.lastDelivery().toString());
			list.add(item);
		}
		return list;
	}

}
