package org.switchboard.crm.salesforce;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.switchboard.crm.ChangeEventDeadLetters;
import org.switchboard.crm.ChangeStreamStatus;
import org.switchboard.crm.CrmConnections;
import org.switchboard.crm.CrmException;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;

/**
 * The CRM connection for the console and {@code /api/admin/crm}: for Salesforce the org, user, instance URL, API
 * version, API calls left (from {@code /limits}) and whether the connection is lost (never a token), and Connect /
 * Disconnect. On the embedded store there is nothing to connect.
 */
@Component
class CrmConnectionStatus implements CrmConnections {

	private final Environment environment;
	private final ObjectProvider<SalesforceConnection> connection;
	private final ObjectProvider<SalesforceApi> api;
	private final ObjectProvider<SalesforceConnector> connector;
	private final ObjectProvider<ChangeStreamStatus> changeStream;
	private final ObjectProvider<ChangeEventDeadLetters> deadLetters;

	CrmConnectionStatus(Environment environment, ObjectProvider<SalesforceConnection> connection, ObjectProvider<SalesforceApi> api,
			ObjectProvider<SalesforceConnector> connector, ObjectProvider<ChangeStreamStatus> changeStream,
			ObjectProvider<ChangeEventDeadLetters> deadLetters) {
		this.changeStream = changeStream;
		this.deadLetters = deadLetters;
		this.environment = environment;
		this.connection = connection;
		this.api = api;
		this.connector = connector;
	}

	@Override
	public Connect start(String loginUrl, String clientId, String clientSecret, String redirectUri) {
		requireSalesforce();
		List<FieldProblem> problems = new ArrayList<>();
		String login = loginUrl == null ? "" : loginUrl.strip();
		if (!login.matches("https://[A-Za-z0-9.-]+(:\\d+)?/?") && !login.matches("http://(localhost|127\\.0\\.0\\.1)(:\\d+)?/?")) {
			problems.add(new FieldProblem("loginUrl", "must be https://login.salesforce.com, https://test.salesforce.com or your My Domain URL"));
		}
		if (clientId == null || clientId.isBlank() || clientId.length() > 255) {
			problems.add(new FieldProblem("clientId", "is required: the consumer key of the External Client App"));
		}
		if (clientSecret == null || clientSecret.isBlank() || clientSecret.length() > 255) {
			problems.add(new FieldProblem("clientSecret", "is required: the consumer secret of the External Client App"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.badRequest("Invalid Salesforce connection settings", problems.toArray(FieldProblem[]::new));
		}
		return SalesforceConnector.start(login, clientId.strip(), clientSecret.strip(), redirectUri);
	}

	@Override
	public void complete(Connect connect, String code) {
		requireSalesforce();
		connector.getObject().complete(connect, code);
	}

	@Override
	public void disconnect() {
		requireSalesforce();
		connection.getObject().disconnect();
	}

	@Override
	public boolean awaitingOrg() {
		SalesforceConnection current = connection.getIfAvailable();
		return current != null && current.link().isEmpty();
	}

	private void requireSalesforce() {
		if (!salesforce()) {
			throw CrmException.refused(Refusal.CONFLICT, "Embedded CRM in use", "This server runs on the embedded CRM; start it with --switchboard.crm=salesforce "
					+ "to connect a Salesforce org");
		}
	}

	String backend() {
		return environment.getProperty("switchboard.crm", "embedded");
	}

	boolean salesforce() {
		return "salesforce".equals(backend());
	}

	@Override
	public Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("backend", backend());
		SalesforceConnection current = connection.getIfAvailable();
		if (current == null) {
			status.put("connected", true);
			if (changeStream.getIfAvailable() != null) {
				status.put("changeEvents", changeEvents());
			}
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
		status.put("changeEvents", changeEvents());
		return status;
	}

	/** The change event stream as {@link ChangeStreamStatus} reports it; "off" when no subscriber runs. */
	private Map<String, Object> changeEvents() {
		Map<String, Object> events = new LinkedHashMap<>();
		ChangeStreamStatus stream = changeStream.getIfAvailable();
		ChangeStreamStatus.State state = stream == null ? null : stream.state();
		events.put("state", state == null ? "off" : state.connected() ? "connected" : state.subscribed() ? "reconnecting"
				: "not subscribed (another replica holds the stream, or it is starting)");
		events.put("topic", state == null ? null : state.topic());
		events.put("connected", state != null && state.connected());
		events.put("lastReplayId", state == null ? null : state.lastReplayId());
		events.put("lastEventAt", state == null || state.lastEventAt() == null ? null : state.lastEventAt().toString());
		events.put("eventsReceived", state == null ? 0 : state.eventsReceived());
		events.put("lastError", state == null ? null : state.lastError());
		events.put("lagSeconds", null);
		ChangeEventDeadLetters dead = deadLetters.getIfAvailable();
		events.put("deadLetterCount", dead == null ? 0 : dead.waitingCount());
		events.put("deadLetters", dead == null ? List.of() : dead.waiting(20).stream().map(CrmConnectionStatus::deadLetter).toList());
		return events;
	}

	private static Map<String, Object> deadLetter(ChangeEventDeadLetters.DeadLetter letter) {
		Map<String, Object> shown = new LinkedHashMap<>();
		shown.put("id", letter.id());
		shown.put("replayId", letter.replayId());
		shown.put("object", letter.object());
		shown.put("recordIds", letter.recordIds());
		shown.put("error", letter.error());
		shown.put("attempts", letter.attempts());
		shown.put("failedAt", letter.failedAt().toString());
		return shown;
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
