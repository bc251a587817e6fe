package org.switchboard.meetings.web;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.switchboard.meetings.settings.Meetings;
import org.switchboard.platform.ui.AdminSection;
import org.switchboard.platform.ui.AdminSections;

/** The Meetings section of the admin console; it saves through {@code PUT /api/admin/settings/meetings}. */
@Component
class MeetingsAdmin implements AdminSections {

	private final Meetings meetings;

	MeetingsAdmin(Meetings meetings) {
		this.meetings = meetings;
	}

	@Override
	public List<AdminSection> adminSections() {
		return List.of(new AdminSection("meetings", "Meetings", "meetings/admin :: section",
				Map.of("settings", meetings.settings(), "search", String.join(" and ", meetings.searchObjects().stream().map(o -> o + "s").toList()))));
	}
}
