package org.switchboard.admin.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.switchboard.admin.Integration;
import org.switchboard.admin.Uninstall;
import org.switchboard.platform.ui.AdminSection;
import org.switchboard.platform.ui.AdminSections;

/**
 * The console's "Integration" section (registration, the token as last checked, what to do when Webex refuses it) and
 * its "Uninstall" section (what still ties Switchboard to Webex and the CRM). Rendering calls no Webex: the forms call
 * {@code /api/admin/integration} and {@code /api/admin/uninstall}.
 */
@Component
@Order(0)
class IntegrationAdmin implements AdminSections {

	private final Integration integration;
	private final Uninstall uninstall;

	IntegrationAdmin(Integration integration, Uninstall uninstall) {
		this.integration = integration;
		this.uninstall = uninstall;
	}

	@Override
	public List<AdminSection> adminSections() {
		Map<String, Object> registration = new HashMap<>();
		registration.put("registration", integration.registration().orElse(null));
		registration.put("connection", integration.lastCheck());
		return List.of(new AdminSection("integration", "Integration", "admin/integration :: section", registration),
				new AdminSection("uninstall", "Uninstall", "admin/uninstall :: section", uninstall.inventory()));
	}
}
