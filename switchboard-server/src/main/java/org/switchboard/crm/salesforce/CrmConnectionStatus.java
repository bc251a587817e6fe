package org.switchboard.crm.salesforce;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmException;

/**
 * What the console and {@code GET /api/admin/crm} show about the CRM backend: for Salesforce the org, user,
 * instance URL, API version, API calls left (from {@code /limits}) and whether the connection is lost. Never a token.
 */
@Component
class CrmConnectionStatus {

	private final Environment environment;
	private final ObjectProvider<SalesforceConnection> connection;
	private final ObjectProvider<SalesforceApi> api;

	CrmConnectionStatus(Environment environment, ObjectProvider<SalesforceConnection> connection, ObjectProvider<SalesforceApi> api) {
		this.environment = environment;
		this.connection = connection;
		this.api = api;
	}

	String backend() {
		return environment.getProperty("switchboard.crm", environment.getProperty("switchboard.crm.backend", "embedded"));
	}

	boolean salesforce() {
		return "salesforce".equals(backend());
	}

	Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("backend", backend());
		SalesforceConnection current = connection.getIfAvailable();
		if (current == null) {
			status.put("connected", true);
			return status;
		}
		status.put("connected", current.connected());
		status.put("state", current.connected() ? "connected" : current.link().isPresent() ? "disconnected" : "not connected");
		status.put("problem", current.problem().orElse(null));
		current.link().ifPresent(link -> {
			status.put("instanceUrl", link.instanceUrl());
			status.put("orgId", link.orgId());
			status.put("user", link.username());
			status.put("loginUrl", link.loginUrl());
			status.put("clientId", link.clientId());
		});
		status.put("apiVersion", SalesforceApi.VERSION.substring(1));
		status.put("apiCallsRemaining", current.connected() ? callsRemaining() : null);
		Map<String, Object> changeEvents = new LinkedHashMap<>();
		changeEvents.put("state", "not subscribed");
		changeEvents.put("lastReplayId", null);
		changeEvents.put("lagSeconds", null);
		status.put("changeEvents", changeEvents);
		return status;
	}

	private Integer callsRemaining() {
		try {
			return api.getObject().get("/limits").path("DailyApiRequests").path("Remaining").asInt();
		}
		catch (CrmException | SalesforceApiException e) {
			return null;
		}
	}
}
