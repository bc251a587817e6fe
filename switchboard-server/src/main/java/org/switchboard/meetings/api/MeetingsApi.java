package org.switchboard.meetings.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.switchboard.access.Access;
import org.switchboard.access.WebexUserOnly;
import org.switchboard.meetings.calendar.Calendar;
import org.switchboard.meetings.scheduling.Invitees;
import org.switchboard.meetings.scheduling.MeetingScheduling;
import org.switchboard.meetings.scheduling.MeetingView;
import org.switchboard.meetings.scheduling.MeetingsLive;
import org.switchboard.meetings.scheduling.RecordMeetings;
import org.switchboard.meetings.scheduling.ScheduleRequest;
import org.switchboard.meetings.scheduling.ScheduledMeeting;
import org.switchboard.platform.live.LiveEvents;

/** Meetings (api.md "Meetings"): schedule from a record, the record's meetings, reschedule, cancel, calendar, search. */
@RestController
@WebexUserOnly
class MeetingsApi {

	private final MeetingScheduling scheduling;
	private final RecordMeetings recordMeetings;
	private final Calendar calendar;
	private final Invitees invitees;
	private final LiveEvents live;

	MeetingsApi(MeetingScheduling scheduling, RecordMeetings recordMeetings, Calendar calendar, Invitees invitees, LiveEvents live) {
		this.scheduling = scheduling;
		this.recordMeetings = recordMeetings;
		this.calendar = calendar;
		this.invitees = invitees;
		this.live = live;
	}

	@PostMapping("/api/records/{object}/{id}/meetings")
	ResponseEntity<ScheduledMeeting> schedule(@PathVariable String object, @PathVariable String id,
			@RequestBody(required = false) ScheduleRequest request) {
		ScheduledMeeting created = scheduling.schedule(Access.currentUserId(), object, id, request);
		return ResponseEntity.created(URI.create("/api/meetings/" + created.meetingId())).body(created);
	}

	@GetMapping("/api/records/{object}/{id}/meetings")
	Map<String, List<MeetingView>> list(@PathVariable String object, @PathVariable String id,
			@RequestParam(required = false) String when) {
		return Map.of("meetings", recordMeetings.list(Access.currentUserId(), object, id, when));
	}

	@PatchMapping("/api/meetings/{meetingId}")
	MeetingView reschedule(@PathVariable String meetingId, @RequestBody(required = false) ScheduleRequest request) {
		return scheduling.reschedule(Access.currentUserId(), meetingId, request);
	}

	@DeleteMapping("/api/meetings/{meetingId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void cancel(@PathVariable String meetingId) {
		scheduling.cancel(Access.currentUserId(), meetingId);
	}

	@GetMapping("/api/meetings/calendar")
	Calendar.Answer calendar() {
		return calendar.of(Access.currentUserId());
	}

	@GetMapping("/api/meetings/search")
	Map<String, List<Invitees.Invitee>> search(@RequestParam(required = false) String q) {
		return Map.of("results", invitees.search(q));
	}

	@GetMapping(path = "/api/meetings/events", produces = "text/event-stream")
	SseEmitter events() {
		return live.open(Access.currentUserId(), Set.of(MeetingsLive.EVENT), List.of());
	}
}
