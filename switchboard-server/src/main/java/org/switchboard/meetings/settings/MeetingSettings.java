package org.switchboard.meetings.settings;

/**
 * The {@code meetings} settings section (T2, T4): meeting logs on or off, how many days of past and upcoming meetings
 * are fetched and shown, and whether the server may schedule for users who have not signed in to Webex.
 */
public record MeetingSettings(Logs logs, Integer pastDays, Integer upcomingDays, Boolean enabledForAll) {

	public static final String SECTION = "meetings";

	public boolean logsOn() {
		return logs != null && Boolean.TRUE.equals(logs.enabled());
	}

	public boolean forAll() {
		return Boolean.TRUE.equals(enabledForAll);
	}

	public record Logs(Boolean enabled) {
	}
}
