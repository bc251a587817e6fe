package org.switchboard.crm.salesforce;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.switchboard.platform.ui.AdminSection;
import org.switchboard.platform.ui.AdminSections;

/** The console's "CRM connection" section: the backend, and for Salesforce the org's status with Connect / Disconnect. */
@Component
@Order(1)
class CrmConnectionAdmin implements AdminSections {

	private final CrmConnectionStatus status;

	CrmConnectionAdmin(CrmConnectionStatus status) {
		this.status = status;
	}

	@Override
	public List<AdminSection> adminSections() {
		return List.of(new AdminSection("crm", "CRM connection", "admin/crm-connection :: section", status.status()));
	}
}
