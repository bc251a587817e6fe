package org.switchboard.meetings.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.switchboard.crm.CrmRecords;
import org.switchboard.meetings.settings.MeetingSettings;
import org.switchboard.meetings.settings.Meetings;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;

/** The record's meetings (its Webex Meetings component), within the admin's past and upcoming windows. */
@Service
public class RecordMeetings {

	private final MeetingStore store;
	private final CrmRecords records;
	private final Meetings meetings;
	private final Clock clock;

	RecordMeetings(MeetingStore store, CrmRecords records, Meetings meetings, Clock clock) {
		this.store = store;
		this.records = records;
		this.meetings = meetings;
		this.clock = clock;
	}

	public List<MeetingView> list(String userId, String object, String recordId, String when) {
		String kind = when == null || when.isBlank() ? "upcoming" : when.strip();
		if (!kind.equals("upcoming") && !kind.equals("past")) {
			throw ProblemException.badRequest("when must be upcoming or past", new FieldProblem("when", "must be upcoming or past"));
		}
		String canonical = records.get(object, recordId, List.of("Id")).object();
		MeetingSettings settings = meetings.settings();
		Instant now = clock.instant();
		List<MeetingRow> rows = kind.equals("upcoming")
				? store.upcoming(canonical, recordId, now, now.plus(Duration.ofDays(settings.upcomingDays())))
				: store.past(canonical, recordId, now, now.minus(Duration.ofDays(settings.pastDays())));
		return rows.stream().map(m -> MeetingView.of(m, userId)).toList();
	}
}
