package org.switchboard.admin.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.switchboard.platform.ui.AdminSection;
import org.switchboard.platform.ui.AdminSections;
import org.switchboard.webex.WebhookDeadLetters;

/** The console's list of webhook deliveries that could not be processed, with replay. */
@Component
class WebhookDeliveriesAdmin implements AdminSections {

	private final WebhookDeadLetters deadLetters;

	WebhookDeliveriesAdmin(WebhookDeadLetters deadLetters) {
		this.deadLetters = deadLetters;
	}

	@Override
	public List<AdminSection> adminSections() {
		return List.of(new AdminSection("webhook-deliveries", "Failed webhook deliveries", "admin/webhook-deliveries :: section",
				Map.of("failed", deadLetters.list("failed", 50))));
	}
}
