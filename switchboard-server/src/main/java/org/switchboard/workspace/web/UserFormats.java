package org.switchboard.workspace.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.switchboard.access.Access;
import org.switchboard.access.UserZones;

/** The signed-in user's time zone (their User record's TimeZoneSidKey, else UTC) and locale (the browser's). */
@Component
class UserFormats {

	private final UserZones zones;

	UserFormats(UserZones zones) {
		this.zones = zones;
	}

	ZoneId zone() {
		return zones.of(Access.currentUserId());
	}

	Locale locale() {
		return LocaleContextHolder.getLocale();
	}

	/** The formatter for the signed-in user, for one request (it reads the user's zone once). */
	FieldValues values() {
		return new FieldValues(locale(), zone());
	}

	/** "30 Nov 2026, 09:15 PST" in the user's locale and zone. */
	String dateTime(Instant instant, ZoneId zone) {
		return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale()).withZone(zone).format(instant) + " " + zone.getDisplayName(java.time.format.TextStyle.SHORT, locale());
	}
}
