package org.switchboard.meetings.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.switchboard.access.Access;
import org.switchboard.access.PermissionSet;
import org.switchboard.access.UserZones;
import org.switchboard.meetings.calendar.Calendar;
import org.switchboard.platform.ui.HomeComponent;
import org.switchboard.platform.ui.HomeComponents;

/**
 * The home page's "Today's meetings": the user's Webex meetings that start today in the user's own time zone, shown
 * only when there are some. Webex not answering leaves the component out rather than failing the home page.
 */
@Component
class TodaysMeetingsHome implements HomeComponents {

	private static final Logger log = LoggerFactory.getLogger(TodaysMeetingsHome.class);

	private final Calendar calendar;
	private final UserZones zones;
	private final Clock clock;

	TodaysMeetingsHome(Calendar calendar, UserZones zones, Clock clock) {
		this.calendar = calendar;
		this.zones = zones;
		this.clock = clock;
	}

	@Override
	public List<HomeComponent> componentsFor(String userId) {
		if (!Access.has(PermissionSet.WEBEX_USER)) {
			return List.of();
		}
		List<Calendar.Entry> today;
		try {
			ZoneId zone = zones.of(userId);
			LocalDate date = LocalDate.now(clock.withZone(zone));
			today = calendar.of(userId).meetings().stream()
				.filter(m -> m.start() != null && date.equals(OffsetDateTime.parse(m.start()).atZoneSameInstant(zone).toLocalDate())).toList();
		}
		catch (RuntimeException e) {
			log.debug("Left today's meetings off the home page: {}", e.getMessage());
			return List.of();
		}
		return today.isEmpty() ? List.of() : List.of(new HomeComponent("Today's meetings", 25, "meetings/home :: today", today));
	}
}
