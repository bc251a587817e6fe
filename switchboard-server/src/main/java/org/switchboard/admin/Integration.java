package org.switchboard.admin;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.secrets.Secrets;
import org.switchboard.webex.RegisteredWebhook;
import org.switchboard.webex.WebexAccount;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexWebhooks;
import org.switchboard.webex.PublicAddress;
import org.switchboard.webex.WebhookReconciler;

import tools.jackson.databind.JsonNode;

/** Registration of the Webex integration (A1) and its webhook site (C8), audited. */
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

	Integration(WebexClient client, WebexWebhooks webhooks, WebexAccounts accounts, WebhookReconciler reconciler, PublicAddress address,
			Secrets secrets, AuditLog audit, JdbcClient jdbc, Clock clock) {
		this.client = client;
		this.webhooks = webhooks;
		this.accounts = accounts;
		this.reconciler = reconciler;
		this.address = address;
		this.secrets = secrets;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Checks the token against Webex and stores the registration; a bad token is a 400 saying why. */
	@Transactional
	public Map<String, Object> register(String accessToken, String actor) {
		if (accessToken == null || accessToken.isBlank()) {
			throw ProblemException.badRequest("An access token is required", new FieldProblem("accessToken", "is required"));
		}
		JsonNode me;
		try {
			me = client.me(accessToken.trim());
		}
		catch (WebexApiException.Unauthorized e) {
			throw ProblemException.badRequest("Webex did not accept the token (it may have expired: personal tokens last 12 hours)",
					new FieldProblem("accessToken", "rejected by Webex"));
		}
		if (!"person".equals(me.path("type").asString("person"))) {
			throw ProblemException.badRequest("This token belongs to a Webex " + me.path("type").asString() + ", not a person: register with a person's token",
					new FieldProblem("accessToken", "is a " + me.path("type").asString() + "'s token, a person's is needed"));
		}
		jdbc.sql("DELETE FROM admin_integration").update();
		jdbc.sql("INSERT INTO admin_integration (id, person_id, email, display_name, org_id, token_encrypted, registered_by, registered_date) VALUES (1, ?, ?, ?, ?, ?, ?, ?)")
			.params(me.path("id").asString(), me.path("emails").path(0).asString(""), me.path("displayName").asString(null),
					me.path("orgId").asString(null), secrets.encrypt(accessToken.trim()), actor, clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		audit.record(actor, "integration.register", "webex", null, me.path("emails").path(0).asString(""));
		return status();
	}

	@Transactional
	public void unregister(String actor) {
		jdbc.sql("DELETE FROM admin_integration").update();
		audit.record(actor, "integration.unregister", "webex", null, null);
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

	public Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		Optional<Map<String, Object>> registration = jdbc.sql("SELECT person_id, email, display_name, org_id, registered_by, registered_date FROM admin_integration WHERE id = 1")
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
		status.put("registered", registration.isPresent());
		status.put("registration", registration.orElse(null));
		status.put("tokenValid", registration.isPresent() && tokenStillValid());
		status.put("linkedUsers", accounts.all().size());
		status.put("webhooks", webhookStatus());
		return status;
	}

	private boolean tokenStillValid() {
		try {
			String token = secrets.decrypt(jdbc.sql("SELECT token_encrypted FROM admin_integration WHERE id = 1").query(String.class).single());
			client.me(token);
			return true;
		}
		catch (WebexApiException e) {
			return false;
		}
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
