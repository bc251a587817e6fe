package org.switchboard.admin.web;

import java.util.List;

import org.springframework.stereotype.Component;
import org.switchboard.admin.operations.OperationsHistory;
import org.switchboard.platform.ui.AdminSection;
import org.switchboard.platform.ui.AdminSections;

/** The "Operations" section of the console: deliveries stuck, time since the last webhook, outbox age, as small charts. */
@Component
class OperationsAdmin implements AdminSections {

	private final OperationsHistory history;

	OperationsAdmin(OperationsHistory history) {
		this.history = history;
	}

	@Override
	public List<AdminSection> adminSections() {
		return List.of(new AdminSection("operations", "Operations", "admin/operations :: section", history.charts()));
	}
}
