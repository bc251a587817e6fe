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
				Map.of("chatEnabled", settings.chatEnabled(), "memberSearch", memberSearch())));
	}

	/** "Contacts, Leads and Users": where the space member search looks now. */
	private String memberSearch() {
		List<String> kinds = new java.util.ArrayList<>(settings.memberObjects().stream().map(o -> o + "s").toList());
		kinds.add("Users");
		return kinds.size() == 1 ? kinds.get(0)
				: String.join(", ", kinds.subList(0, kinds.size() - 1)) + " and " + kinds.get(kinds.size() - 1);
	}
}
