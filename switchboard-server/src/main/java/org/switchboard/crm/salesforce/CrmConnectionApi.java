package org.switchboard.crm.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.switchboard.crm.CrmException;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.settings.GeneralSettings;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;

/**
 * {@code /api/admin/crm} (Webex Admins): the backend's status; Connect a Salesforce org ({@code PUT …/salesforce}
 * answers the authorize URL; the PKCE verifier, {@code state} and the secret wait in the admin's session until the
 * callback, nothing is stored before it succeeds); Disconnect ({@code DELETE …/salesforce}).
 */
@RestController
@RequestMapping("/api/admin/crm")
@PreAuthorize("hasAuthority('Webex_Admin')")
class CrmConnectionApi {

	static final String PENDING = CrmConnectionApi.class.getName() + ".pending";

	private final CrmConnectionStatus status;
	private final ObjectProvider<SalesforceConnection> connection;
	private final SettingsStore settings;
	private final SettingsSection<GeneralSettings> general;

	CrmConnectionApi(CrmConnectionStatus status, ObjectProvider<SalesforceConnection> connection, SettingsStore settings,
			SettingsSection<GeneralSettings> general) {
		this.status = status;
		this.connection = connection;
		this.settings = settings;
		this.general = general;
	}

	/** What an admin enters to connect an org; {@code toString} leaves the secret out. */
	record ConnectRequest(String loginUrl, String clientId, String clientSecret) {

		@Override
		public String toString() {
			return "ConnectRequest[" + loginUrl + ", " + clientId + "]";
		}
	}

	@GetMapping
	Map<String, Object> get() {
		return status.status();
	}

	@PutMapping("/salesforce")
	Map<String, Object> connect(@RequestBody ConnectRequest body, HttpServletRequest request) {
		requireSalesforce();
		List<FieldProblem> problems = new ArrayList<>();
		String loginUrl = body.loginUrl() == null ? "" : body.loginUrl().strip();
		if (!loginUrl.matches("https://[A-Za-z0-9.-]+(:\\d+)?/?") && !loginUrl.matches("http://(localhost|127\\.0\\.0\\.1)(:\\d+)?/?")) {
			problems.add(new FieldProblem("loginUrl", "must be https://login.salesforce.com, https://test.salesforce.com or your My Domain URL"));
		}
		if (body.clientId() == null || body.clientId().isBlank() || body.clientId().length() > 255) {
			problems.add(new FieldProblem("clientId", "is required: the consumer key of the External Client App"));
		}
		if (body.clientSecret() == null || body.clientSecret().isBlank() || body.clientSecret().length() > 255) {
			problems.add(new FieldProblem("clientSecret", "is required: the consumer secret of the External Client App"));
		}
		if (!problems.isEmpty()) {
			throw ProblemException.badRequest("Invalid Salesforce connection settings", problems.toArray(FieldProblem[]::new));
		}
		String base = settings.read(general).publicBaseUrl();
		String origin = base == null || base.isBlank() ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() : base;
		SalesforceConnector.Pending pending = SalesforceConnector.start(loginUrl, body.clientId().strip(), body.clientSecret().strip(),
				origin.replaceAll("/$", "") + "/crm/oauth/callback");
		HttpSession session = request.getSession(true);
		session.setAttribute(PENDING, pending);
		return Map.of("authorizeUrl", pending.authorizeUrl());
	}

	@DeleteMapping("/salesforce")
	ResponseEntity<Void> disconnect() {
		requireSalesforce();
		connection.getObject().disconnect();
		return ResponseEntity.noContent().build();
	}

	private void requireSalesforce() {
		if (!status.salesforce()) {
			throw CrmException.refused(409, "Embedded CRM in use", "This server runs on the embedded CRM; start it with --switchboard.crm=salesforce "
					+ "to connect a Salesforce org");
		}
	}
}
