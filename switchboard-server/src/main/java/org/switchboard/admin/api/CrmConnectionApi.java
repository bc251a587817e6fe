package org.switchboard.admin.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.switchboard.access.WebexAdminOnly;
import org.switchboard.crm.ChangeEventDeadLetters;
import org.switchboard.access.WebexAdminOrSetup;
import org.switchboard.crm.CrmConnections;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.settings.GeneralSettings;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;

/**
 * {@code /api/admin/crm}: the CRM backend's status; Connect a Salesforce org ({@code PUT …/salesforce} answers the
 * authorize URL; the PKCE verifier, {@code state} and the secret wait in the admin's session until the callback at
 * {@code <publicBaseUrl>/crm/oauth/callback}, nothing is stored before it succeeds); Disconnect ({@code DELETE …/salesforce});
 * Replay a dead change event ({@code POST …/change-events/dead-letters/{id}/replay}).
 */
@RestController
@RequestMapping("/api/admin/crm")
class CrmConnectionApi {

	/** Read back by the callback page (admin.web.CrmOAuthCallback). */
	static final String PENDING = "org.switchboard.admin.api.CrmConnectionApi.pending";

	private final CrmConnections connections;
	private final SettingsStore settings;
	private final SettingsSection<GeneralSettings> general;
	private final ObjectProvider<ChangeEventDeadLetters> deadLetters;

	CrmConnectionApi(CrmConnections connections, SettingsStore settings, SettingsSection<GeneralSettings> general,
			ObjectProvider<ChangeEventDeadLetters> deadLetters) {
		this.connections = connections;
		this.deadLetters = deadLetters;
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
	@WebexAdminOrSetup
	Map<String, Object> status() {
		return connections.status();
	}

	@PutMapping("/salesforce")
	@WebexAdminOrSetup
	Map<String, Object> connect(@RequestBody ConnectRequest body, HttpServletRequest request) {
		String base = settings.read(general).publicBaseUrl();
		String origin = base == null || base.isBlank() ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() : base;
		CrmConnections.Connect connect = connections.start(body.loginUrl(), body.clientId(), body.clientSecret(),
				origin.replaceAll("/$", "") + "/crm/oauth/callback");
		request.getSession(true).setAttribute(PENDING, connect);
		return Map.of("authorizeUrl", connect.authorizeUrl());
	}

	/** Replays a change event the stream could not process (listed under {@code changeEvents.deadLetters}). */
	@PostMapping("/change-events/dead-letters/{id}/replay")
	@WebexAdminOnly
	ChangeEventDeadLetters.DeadLetter replay(@PathVariable String id) {
		ChangeEventDeadLetters letters = deadLetters.getIfAvailable();
		if (letters == null) {
			throw ProblemException.notFound("This server has no change event stream");
		}
		return letters.replay(id);
	}

	@DeleteMapping("/salesforce")
	@WebexAdminOrSetup
	ResponseEntity<Void> disconnect() {
		connections.disconnect();
		return ResponseEntity.noContent().build();
	}
}
