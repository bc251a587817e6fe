package org.switchboard.notifications.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.switchboard.crm.CrmSchema;
import org.switchboard.notifications.bot.NotificationBot;
import org.switchboard.notifications.delivery.Deliveries;
import org.switchboard.notifications.rules.Rules;
import org.switchboard.platform.ui.AdminSection;
import org.switchboard.platform.ui.AdminSections;

/** The "Space notifications" section of the admin console; its forms call {@code /api/admin/notifications}. */
@Component
class NotificationsAdmin implements AdminSections {

	private final NotificationBot bot;
	private final Rules rules;
	private final Deliveries deliveries;
	private final CrmSchema schema;

	NotificationsAdmin(NotificationBot bot, Rules rules, Deliveries deliveries, CrmSchema schema) {
		this.bot = bot;
		this.rules = rules;
		this.deliveries = deliveries;
		this.schema = schema;
	}

	@Override
	public List<AdminSection> adminSections() {
		Map<String, Object> model = new HashMap<>();
		model.put("bot", bot.current().orElse(null));
		model.put("rules", rules.all());
		model.put("objects", schema.objects());
		model.put("deliveries", deliveries.list(null, 50));
		return List.of(new AdminSection("notifications", "Space notifications", "notifications/admin :: section", model));
	}
}
