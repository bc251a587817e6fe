package org.switchboard.messaging.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.switchboard.messaging.settings.MessagingSettings;
import org.switchboard.platform.ui.AdminSection;
import org.switchboard.platform.ui.AdminSections;

/** The Messaging section of the admin console; it saves through {@code PUT /api/admin/settings/chat}. */
@Component
class MessagingAdmin implements AdminSections {

	private final MessagingSettings settings;

	MessagingAdmin(MessagingSettings settings) {
		this.settings = settings;
	}

	@Override
	public List<AdminSection> adminSections() {
		return List.of(new AdminSection("messaging", "Messaging", "messaging/admin :: section",
				Map.of("chatEnabled", settings.chatEnabled(), "memberObjects", settings.memberObjects())));
	}
}
