package org.switchboard.webinars;

/** A webinar as the widget and {@code GET /api/webinars} show it; counts are null until read from Webex. */
public record WebinarView(String webinarId, String title, String start, String end, Integer invitees, Integer registrants,
		Integer attendees, boolean past) {

	WebinarView withCounts(Counts counts) {
		return new WebinarView(webinarId, title, start, end, counts.invitees(), counts.registrants(), counts.attendees(), past);
	}

	/** How many people each list of a webinar holds. */
	public record Counts(int invitees, int registrants, int attendees) {
	}
}
