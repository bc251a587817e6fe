package org.switchboard.meetings.scheduling;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmRecord;
import org.switchboard.access.UserZones;
import org.switchboard.crm.CrmRecords;
import org.switchboard.meetings.hosts.WebexHosts;
import org.switchboard.meetings.hosts.WebexHosts.Host;
import org.switchboard.meetings.scheduling.Invitees.Invitee;
import org.switchboard.meetings.scheduling.ScheduledMeeting.Invited;
import org.switchboard.meetings.scheduling.ScheduledMeeting.NotInvited;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.platform.names.ApiNames;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexMeeting;
import org.switchboard.webex.WebexClient;


/**
 * "Schedule a meeting" (T1), reschedule and cancel. Every check runs before Webex is called; the meeting is stored
 * only once Webex has made it, so a refused request leaves nothing behind. Changes go to Webex first, then here.
 */
@Service
public class MeetingScheduling {

	static final int MAX_TITLE = 128;
	static final int MAX_AGENDA = 1300;
	static final int MIN_MINUTES = 10;
	static final int MAX_MINUTES = 24 * 60 - 1;
	static final int DEFAULT_MINUTES = 30;

	private final CrmRecords records;
	private final Invitees invitees;
	private final MeetingStore store;
	private final WebexHosts hosts;
	private final WebexClient client;
	private final MeetingsLive live;
	private final TransactionTemplate transactions;
	private final UserZones zones;
	private final Clock clock;

	MeetingScheduling(CrmRecords records, Invitees invitees, MeetingStore store, WebexHosts hosts, WebexClient client,
			MeetingsLive live, TransactionTemplate transactions, UserZones zones, Clock clock) {
		this.records = records;
		this.zones = zones;
		this.invitees = invitees;
		this.store = store;
		this.hosts = hosts;
		this.client = client;
		this.live = live;
		this.transactions = transactions;
		this.clock = clock;
	}

	public ScheduledMeeting schedule(String userId, String object, String recordId, ScheduleRequest request) {
		CrmRecord record = record(object, recordId);
		ScheduleRequest r = request == null ? new ScheduleRequest(null, null, null, null, null, null, List.of()) : request;
		List<FieldProblem> problems = new ArrayList<>();
		String title = title(r.title() == null || r.title().isBlank() ? record.name() : r.title(), problems);
		ZoneId zone = zone(r.timezone() == null || r.timezone().isBlank() ? zones.of(userId).getId() : r.timezone(), problems);
		Instant start = start(r.start(), zone, true, problems);
		Instant end = end(start, r.end(), r.durationMinutes(), zone, problems);
		String agenda = agenda(r.agenda(), problems);
		List<Invitee> people = invitees.resolve(r.invitees(), problems);
		refuseIfAny(problems);
		Host host = hosts.forUser(userId);

		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("agenda", agenda == null ? "" : agenda);
		body.put("start", webexTime(start, zone));
		body.put("end", webexTime(end, zone));
		body.put("timezone", zone.getId());
		body.put("sendEmail", true);
		body.put("integrationTags", List.of("switchboard:" + record.object() + ":" + record.id()));
		if (host.hostEmail() != null) {
			body.put("hostEmail", host.hostEmail());
		}
		WebexMeeting created = client.createMeeting(host.token(), body);
		String webexId = created.id();
		List<Invited> invited = new ArrayList<>();
		List<NotInvited> notInvited = new ArrayList<>();
		invite(host, webexId, created.hostEmail() == null ? "" : created.hostEmail(), people, invited, notInvited);

		MeetingRow row = new MeetingRow(UUID.randomUUID().toString().replace("-", ""), webexId, record.object(), record.id(),
				who(record, people), userId, created.hostEmail() == null ? host.hostEmail() : created.hostEmail(), host.hostEmail() != null, title,
				instant(created.start(), start), instant(created.end(), end), zone.getId(), created.webLink(),
				"scheduled", null, clock.instant());
		transactions.executeWithoutResult(tx -> {
			store.insert(row);
			live.changed(row, "scheduled");
		});
		return new ScheduledMeeting(row.id(), webexId, title, MeetingView.zoned(row.start(), row.timezone()),
				MeetingView.zoned(row.end(), row.timezone()), row.timezone(), row.webLink(), row.object(), row.recordId(), invited,
				notInvited);
	}

	/** Reschedules at Webex, then here; only the host may, and only a meeting still scheduled. */
	public MeetingView reschedule(String userId, String meetingId, ScheduleRequest request) {
		MeetingRow m = owned(userId, meetingId);
		ScheduleRequest r = request == null ? new ScheduleRequest(null, null, null, null, null, null, null) : request;
		List<FieldProblem> problems = new ArrayList<>();
		if (r.invitees() != null) {
			problems.add(new FieldProblem("invitees", "cannot be changed here; invite people from Webex"));
		}
		String title = r.title() == null ? m.title() : title(r.title(), problems);
		ZoneId zone = zone(r.timezone() == null ? m.timezone() : r.timezone(), problems);
		Instant start = r.start() == null ? m.start() : start(r.start(), zone, true, problems);
		Integer minutes = r.durationMinutes() == null && r.end() == null
				? Integer.valueOf((int) Duration.between(m.start(), m.end()).toMinutes()) : r.durationMinutes();
		Instant end = end(start, r.end(), minutes, zone, problems);
		String agenda = agenda(r.agenda(), problems);
		refuseIfAny(problems);
		Host host = hosts.forMeeting(m.hostUserId(), m.onBehalf());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		if (agenda != null) {
			body.put("agenda", agenda);
		}
		body.put("start", webexTime(start, zone));
		body.put("end", webexTime(end, zone));
		body.put("timezone", zone.getId());
		body.put("sendEmail", true);
		if (host.hostEmail() != null) {
			body.put("hostEmail", host.hostEmail());
		}
		WebexMeeting updated = client.updateMeeting(host.token(), m.webexMeetingId(), body);
		MeetingRow changed = m.rescheduled(title, instant(updated.start(), start), instant(updated.end(), end), zone.getId());
		transactions.executeWithoutResult(tx -> {
			store.reschedule(changed);
			live.changed(changed, "updated");
		});
		return MeetingView.of(changed, userId);
	}

	/** Cancels at Webex (one already gone there counts as cancelled), then here; only the host may. */
	public void cancel(String userId, String meetingId) {
		MeetingRow m = owned(userId, meetingId);
		Host host = hosts.forMeeting(m.hostUserId(), m.onBehalf());
		try {
			client.deleteMeeting(host.token(), m.webexMeetingId(), host.hostEmail());
		}
		catch (WebexApiException.NotFound alreadyGone) {
			// Deleted at Webex already: cancel it here all the same.
		}
		transactions.executeWithoutResult(tx -> {
			if (store.cancel(m.id())) {
				live.changed(m, "cancelled");
			}
		});
	}

	/** The meeting, if the user hosts it and it is still scheduled; unknown → 404, someone else's → 403. */
	private MeetingRow owned(String userId, String meetingId) {
		MeetingRow m = store.find(meetingId).orElseThrow(() -> ProblemException.notFound("No meeting '" + meetingId + "'"));
		if (!m.hostUserId().equals(userId)) {
			throw new ProblemException(Refusal.NOT_PERMITTED, "Not your meeting", "Only the meeting's host (" + m.hostEmail() + ") can change or cancel it");
		}
		if (!"scheduled".equals(m.state())) {
			throw ProblemException.conflict("The meeting is " + m.state() + "; only a scheduled meeting can be changed or cancelled");
		}
		return m;
	}

	private void invite(Host host, String webexId, String hostEmail, List<Invitee> people, List<Invited> invited,
			List<NotInvited> notInvited) {
		Set<String> seen = new HashSet<>();
		for (Invitee person : people) {
			if (person.email() == null) {
				notInvited.add(new NotInvited(null, person.name(), person.object() + " has no email address"));
				continue;
			}
			if (!seen.add(person.email().toLowerCase(Locale.ROOT))) {
				continue;
			}
			Map<String, Object> invitee = new LinkedHashMap<>();
			invitee.put("meetingId", webexId);
			invitee.put("email", person.email());
			if (person.name() != null) {
				invitee.put("displayName", person.name());
			}
			invitee.put("sendEmail", true);
			if (host.hostEmail() != null) {
				invitee.put("hostEmail", host.hostEmail());
			}
			try {
				client.inviteToMeeting(host.token(), invitee);
				invited.add(new Invited(person.email(), person.name()));
			}
			catch (WebexApiException e) {
				notInvited.add(new NotInvited(person.email(), person.name(), e.reason()));
			}
		}
	}

	/** The record itself (404 when there is none); a record id of another object is a 400 naming {@code id}. */
	private CrmRecord record(String object, String recordId) {
		String actual = records.objectOf(recordId).orElse(null);
		if (actual != null && !ApiNames.equalsIgnoreAsciiCase(actual, object)) {
			throw ProblemException.badRequest("'" + recordId + "' is a " + actual + ", not a " + object,
					new FieldProblem("id", "is a " + actual + " id, not a " + object + " id"));
		}
		return records.get(object, recordId, List.of("Id"));
	}

	/** Who the meeting's Event is about: the record itself when it is a person, else the first Contact invited. */
	private static String who(CrmRecord record, List<Invitee> people) {
		if (List.of("Contact", "Lead").contains(record.object())) {
			return record.id();
		}
		return people.stream().filter(p -> "Contact".equals(p.object())).map(Invitee::id).findFirst().orElse(null);
	}


	private static String title(String title, List<FieldProblem> problems) {
		String t = title == null ? null : title.strip();
		if (t == null || t.isEmpty()) {
			problems.add(new FieldProblem("title", "is required (the record has no name)"));
		}
		else if (t.length() > MAX_TITLE) {
			problems.add(new FieldProblem("title", "may have at most " + MAX_TITLE + " characters"));
		}
		return t;
	}

	private static String agenda(String agenda, List<FieldProblem> problems) {
		if (agenda != null && agenda.length() > MAX_AGENDA) {
			problems.add(new FieldProblem("agenda", "may have at most " + MAX_AGENDA + " characters"));
		}
		return agenda;
	}

	private static ZoneId zone(String id, List<FieldProblem> problems) {
		try {
			return ZoneId.of(id.strip());
		}
		catch (DateTimeException e) {
			problems.add(new FieldProblem("timezone", "'" + id + "' is not a time zone such as Europe/London"));
			return ZoneId.of("UTC");
		}
	}

	/** A start kept to the minute, as Webex keeps it; one in the past is refused. */
	private Instant start(String text, ZoneId zone, boolean future, List<FieldProblem> problems) {
		if (text == null || text.isBlank()) {
			problems.add(new FieldProblem("start", "is required, e.g. 2026-12-01T10:00 (in timezone) or 2026-12-01T10:00:00Z"));
			return null;
		}
		Instant start = parse(text, zone);
		if (start == null) {
			problems.add(new FieldProblem("start", "'" + text + "' is not a date and time such as 2026-12-01T10:00"));
			return null;
		}
		start = start.truncatedTo(ChronoUnit.MINUTES);
		if (future && start.isBefore(clock.instant().truncatedTo(ChronoUnit.MINUTES))) {
			problems.add(new FieldProblem("start", "is in the past"));
		}
		return start;
	}

	private static Instant end(Instant start, String endText, Integer minutes, ZoneId zone, List<FieldProblem> problems) {
		if (start == null) {
			return null;
		}
		Instant end;
		String field;
		if (endText != null && !endText.isBlank()) {
			field = "end";
			end = parse(endText, zone);
			if (end == null) {
				problems.add(new FieldProblem("end", "'" + endText + "' is not a date and time such as 2026-12-01T10:30"));
				return null;
			}
			if (!end.isAfter(start)) {
				problems.add(new FieldProblem("end", "is before the start"));
				return null;
			}
		}
		else {
			field = "durationMinutes";
			end = start.plus(Duration.ofMinutes(minutes == null ? DEFAULT_MINUTES : minutes));
		}
		long length = Duration.between(start, end).toMinutes();
		if (length < MIN_MINUTES || length > MAX_MINUTES) {
			problems.add(new FieldProblem(field, "a meeting lasts from " + MIN_MINUTES + " minutes to 23 hours 59 minutes"));
		}
		return end;
	}

	private static Instant parse(String text, ZoneId zone) {
		try {
			return OffsetDateTime.parse(text.strip()).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
			}
			catch (DateTimeParseException e2) {
				return null;
			}
		}
	}

	private static void refuseIfAny(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new ProblemException(Refusal.INVALID, "Invalid meeting", problems.get(0).field() + " " + problems.get(0).message()
					+ "; nothing was scheduled", problems);
		}
	}

	private static String webexTime(Instant instant, ZoneId zone) {
		return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
	}

	private static Instant instant(String time, Instant fallback) {
		try {
			return OffsetDateTime.parse(time == null ? "" : time).toInstant();
		}
		catch (DateTimeParseException e) {
			return fallback;
		}
	}
}
