package org.switchboard.admin.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.access.Access;
import org.switchboard.access.SwitchboardUser;
import org.switchboard.access.WebexAdminOnly;
import org.switchboard.admin.Integration;
import org.switchboard.admin.WebhookSecrets;
import org.switchboard.webex.RegisteredWebhook;
import org.switchboard.platform.secrets.AccessTokenRequest;

/** {@code /api/admin/integration}: registration status, register, unregister, create the webhook site. */
@RestController
@RequestMapping("/api/admin/integration")
@WebexAdminOnly
class IntegrationApi {

	private final Integration integration;
	private final WebhookSecrets webhookSecrets;

	IntegrationApi(Integration integration, WebhookSecrets webhookSecrets) {
		this.integration = integration;
		this.webhookSecrets = webhookSecrets;
	}

	@GetMapping
	Map<String, Object> status() {
		return integration.status();
	}

	@PostMapping("/register")
	Map<String, Object> register(@RequestBody AccessTokenRequest body) {
		return integration.register(body.accessToken(), actor());
	}

	@DeleteMapping
	ResponseEntity<Void> unregister() {
		integration.unregister(actor());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/site")
	ResponseEntity<Map<String, Object>> createSite() {
		List<RegisteredWebhook> created = integration.createSite(actor());
		return ResponseEntity.status(201).body(Map.of("created", created.size(), "status", integration.status()));
	}

	/** Every webhook gets a new secret here and at Webex; the old one is still accepted for a short overlap. */
	@PostMapping("/webhooks/rotate-secrets")
	Map<String, Object> rotateWebhookSecrets() {
		return webhookSecrets.rotate(actor());
	}

	private static String actor() {
		return Access.currentUser().map(SwitchboardUser::getUsername).orElse("system");
	}
}
