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
import org.switchboard.platform.settings.GeneralSettings;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;
import org.switchboard.webex.RegisteredWebhook;
import org.switchboard.webex.WebexAccount;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexWebhooks;

import tools.jackson.databind.JsonNode;

/** Registration of the Webex integration (A1) and its webhook site (C8), audited. */
@Service
public class Integration {

	static final String WEBHOOK_PATH = "/webhooks/webex";
	/** Each linked user's webhooks: call events for calling, new messages for messaging's live updates, meetings for meeting logs. */
	private static final List<SiteWebhook> SITE_WEBHOOKS = List.of(new SiteWebhook("Switchboard calls", "telephony_calls", "all"),
			new SiteWebhook("Switchboard messages", "messages", "created"), new SiteWebhook("Switchboard meetings", "meetings", "all"));

	private final WebexClient client;
	private final WebexWebhooks webhooks;
	private final WebexAccounts accounts;
	private final SettingsStore settings;
	private final SettingsSection<GeneralSettings> general;
	private final Secrets secrets;
	private final AuditLog audit;
	private final JdbcClient jdbc;
	private final Clock clock;

	Integration(WebexClient client, WebexWebhooks webhooks, WebexAccounts accounts, SettingsStore settings,
			SettingsSection<GeneralSettings> general, Secrets secrets, AuditLog audit, JdbcClient jdbc, Clock clock) {
		this.client = client;
		this.webhooks = webhooks;
		this.accounts = accounts;
		this.settings = settings;
		this.general = general;
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
	 * Creates the {@code telephony_calls} and {@code messages} webhooks of every linked user (those missing), pointing at the public base URL
	 * (or {@code fallbackBaseUrl} when none is set and the caller knows the server's own address).
	 */
	@Transactional
	public List<RegisteredWebhook> createSite(String actor, String fallbackBaseUrl) {
		String base = Optional.ofNullable(settings.read(general).publicBaseUrl()).orElse(fallbackBaseUrl);
		if (base == null) {
			throw ProblemException.badRequest("Set the public base URL in the general settings first: Webex must reach Switchboard there",
					new FieldProblem("publicBaseUrl", "is not set"));
		}
		String target = base.replaceAll("/+$", "") + WEBHOOK_PATH;
		List<RegisteredWebhook> created = new ArrayList<>();
		List<RegisteredWebhook> existing = webhooks.all();
		for (WebexAccount account : accounts.all()) {
			for (SiteWebhook wanted : SITE_WEBHOOKS) {
				boolean exists = existing.stream().anyMatch(w -> account.personId().equals(w.ownerPersonId())
						&& w.resource().equals(wanted.resource()) && w.targetUrl().equals(target));
				if (!exists) {
					String token = accounts.tokenFor(account.userId()).orElseThrow();
					created.add(webhooks.create(token, wanted.name(), target, wanted.resource(), wanted.event(), null, account.personId()));
				}
			}
		}
		audit.record(actor, "integration.site", target, null, created.size() + " webhooks created");
		return created;
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

	private List<Map<String, Object>> webhookStatus() {
		List<Map<String, Object>> list = new ArrayList<>();
		for (RegisteredWebhook w : webhooks.all()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("id", w.id());
			item.put("resource", w.resource());
			item.put("targetUrl", w.targetUrl());
			item.put("ownerPersonId", w.ownerPersonId());
			item.put("status", liveStatus(w));
			list.add(item);
		}
		return list;
	}

	/** Webex's own view (active, or inactive after failed deliveries), read with the owner's token. */
	private String liveStatus(RegisteredWebhook webhook) {
		try {
			String token = accounts.forPerson(webhook.ownerPersonId()).flatMap(a -> accounts.tokenFor(a.userId())).orElse(null);
			return token == null ? "unknown" : client.webhook(token, webhook.id()).path("status").asString("unknown");
		}
		catch (WebexApiException e) {
			return e.status() == 404 ? "deleted at Webex" : "unknown (" + e.status() + ")";
		}
	}

	private record SiteWebhook(String name, String resource, String event) {
	}
}
