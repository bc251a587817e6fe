package org.switchboard.admin.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.access.WebexAdminOnly;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.webex.WebhookDeadLetters;
import org.switchboard.webex.WebhookDelivery;

/** {@code /api/admin/webhooks/deliveries}: stored webhook deliveries, the failed ones (dead letters) with replay. */
@RestController
@RequestMapping("/api/admin/webhooks/deliveries")
@WebexAdminOnly
class WebhookDeliveriesApi {

	private static final Set<String> STATUSES = Set.of("processed", "failed");

	private final WebhookDeadLetters deadLetters;

	WebhookDeliveriesApi(WebhookDeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@GetMapping
	Map<String, List<WebhookDelivery>> list(@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "50") int limit) {
		if (status != null && !STATUSES.contains(status)) {
			throw ProblemException.badRequest("status must be processed or failed");
		}
		if (limit < 1 || limit > 500) {
			throw ProblemException.badRequest("limit must be between 1 and 500");
		}
		return Map.of("deliveries", deadLetters.list(status, limit));
	}

	@PostMapping("/{id}/replay")
	WebhookDelivery replay(@PathVariable long id) {
		return deadLetters.replay(id);
	}
}
