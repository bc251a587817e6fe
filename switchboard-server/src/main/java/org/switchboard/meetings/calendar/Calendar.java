package org.switchboard.meetings.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.switchboard.crm.CrmRecords;
import org.switchboard.meetings.hosts.WebexHosts;
import org.switchboard.meetings.hosts.WebexHosts.Host;
import org.switchboard.meetings.scheduling.MeetingRow;
import org.switchboard.meetings.scheduling.MeetingStore;
import org.switchboard.meetings.settings.MeetingSettings;
import org.switchboard.meetings.settings.Meetings;
import org.switchboard.webex.WebexClient;

import tools.jackson.databind.JsonNode;

/**
 * The calendar panel (T3): the signed-in user's Webex meetings (occurrences) from {@code now − pastDays} to
 * {@code now + upcomingDays}, read from Webex with the user's token, each with the record it is tied to.
 */
@Service
public class Calendar {

	private final WebexHosts hosts;
	private final WebexClient client;
	private final MeetingStore store;
	private final CrmRecords records;
	private final Meetings meetings;
	private final Clock clock;

	Calendar(WebexHosts hosts, WebexClient client, MeetingStore store, CrmRecords records, Meetings meetings, Clock clock) {
		this.hosts = hosts;
		this.client = client;
		this.store = store;
		this.records = records;
		this.meetings = meetings;
		this.clock = clock;
	}

	public record Entry(String webexMeetingId, String meetingSeriesId, String title, String start, String end, String day,
			String state, String webLink, String hostEmail, String meetingId, RecordLink record) {
	}

	public record RecordLink(String object, String id, String name) {
	}

	public record Answer(String from, String to, List<Entry> meetings) {
	}

	public Answer of(String userId) {
		MeetingSettings settings = meetings.settings();
		Instant now = clock.instant();
		Instant from = now.minus(Duration.ofDays(settings.pastDays()));
		Instant to = now.plus(Duration.ofDays(settings.upcomingDays()));
		Host host = hosts.forUser(userId);
		Map<String, String> query = new LinkedHashMap<>();
		query.put("meetingType", "scheduledMeeting");
		query.put("from", from.toString());
		query.put("to", to.toString());
		if (host.hostEmail() != null) {
			query.put("hostEmail", host.hostEmail());
		}
		List<JsonNode> found = client.meetings(host.token(), query);
		List<String> seriesIds = found.stream().map(m -> m.path("meetingSeriesId").asString(m.path("id").asString())).distinct().toList();
		Map<String, MeetingRow> tied = store.byWebexIds(seriesIds).stream()
			.collect(Collectors.toMap(MeetingRow::webexMeetingId, Function.identity()));
		Map<String, RecordLink> links = new HashMap<>();
		List<Entry> entries = new ArrayList<>(found.size());
		for (JsonNode m : found) {
			String seriesId = m.path("meetingSeriesId").asString(m.path("id").asString());
			MeetingRow row = tied.get(seriesId);
			if (row != null && "cancelled".equals(row.state())) {
				continue;
			}
			RecordLink record = row == null ? null : links.computeIfAbsent(row.object() + "/" + row.recordId(), k -> link(row));
			String start = m.path("start").asString(null);
			entries.add(new Entry(m.path("id").asString(), seriesId, m.path("title").asString(""), start, m.path("end").asString(null),
					day(start, m.path("timezone").asString("UTC")), m.path("state").asString(null), m.path("webLink").asString(null),
					m.path("hostEmail").asString(null), row == null ? null : row.id(), record));
		}
		entries.sort(java.util.Comparator.comparing(e -> instant(e.start())));
		return new Answer(from.toString(), to.toString(), entries);
	}

	private RecordLink link(MeetingRow row) {
		try {
			return new RecordLink(row.object(), row.recordId(), records.get(row.object(), row.recordId(), List.of("Id")).name());
		}
		catch (RuntimeException deleted) {
			return new RecordLink(row.object(), row.recordId(), null);
		}
	}

	/** The meeting's date in its own time zone, for grouping by day. */
	private static String day(String start, String zone) {
		try {
			return OffsetDateTime.parse(start).atZoneSameInstant(ZoneId.of(zone)).toLocalDate().toString();
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private static Instant instant(String text) {
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException | NullPointerException e) {
			return Instant.MAX;
		}
	}
}
