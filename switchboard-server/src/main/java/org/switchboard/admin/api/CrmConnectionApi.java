package org.switchboard.admin.api;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.switchboard.access.WebexAdminOrSetup;
import org.switchboard.crm.CrmConnections;
import org.switchboard.platform.settings.GeneralSettings;
import org.switchboard.platform.settings.SettingsSection;
import org.switchboard.platform.settings.SettingsStore;

/**
 * {@code /api/admin/crm}: the CRM backend's status; Connect a Salesforce org ({@code PUT …/salesforce} answers the
 * authorize URL; the PKCE verifier, {@code state} and the secret wait in the admin's session until the callback at
 * {@code <publicBaseUrl>/crm/oauth/callback}, nothing is stored before it succeeds); Disconnect ({@code DELETE …/salesforce}).
 */
@RestController
@RequestMapping("/api/admin/crm")
@WebexAdminOrSetup
class CrmConnectionApi {

	/** Read back by the callback page (admin.web.CrmOAuthCallback). */
	static final String PENDING = "org.switchboard.admin.api.CrmConnectionApi.pending";

	private final CrmConnections connections;
	private final SettingsStore settings;
	private final SettingsSection<GeneralSettings> general;

	CrmConnectionApi(CrmConnections connections, SettingsStore settings, SettingsSection<GeneralSettings> general) {
		this.connections = connections;
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
	Map<String, Object> status() {
		return connections.status();
	}

	@PutMapping("/salesforce")
	Map<String, Object> connect(@RequestBody ConnectRequest body, HttpServletRequest request) {
		String base = settings.read(general).publicBaseUrl();
		String origin = base == null || base.isBlank() ? ServletUriComponentsBuilder.fromContextPath(request).build().toUriString() : base;
		CrmConnections.Connect connect = connections.start(body.loginUrl(), body.clientId(), body.clientSecret(),
				origin.replaceAll("/$", "") + "/crm/oauth/callback");
		request.getSession(true).setAttribute(PENDING, connect);
		return Map.of("authorizeUrl", connect.authorizeUrl());
	}

	@DeleteMapping("/salesforce")
	ResponseEntity<Void> disconnect() {
		connections.disconnect();
		return ResponseEntity.noContent().build();
	}
}
