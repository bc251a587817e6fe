package org.switchboard.webinars;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.switchboard.access.SwitchboardUser;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.platform.settings.SettingsStore;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexMeeting;

import tools.jackson.databind.JsonNode;

/** The user's webinars at Webex within the admin's day ranges, their counts, and starting an import of one. */
@Service
public class Webinars {

	private static final Duration COUNTS_KEPT = Duration.ofMinutes(2);
	private static final Set<String> LISTS = Set.of("invitees", "registrants", "attendees");

	private final WebexClient client;
	private final WebexAccounts accounts;
	private final SettingsStore settings;
	private final WebinarsSection section;
	private final ImportMappings mappings;
	private final ImportJobs jobs;
	private final ImportRunner runner;
	private final ImportPermission permission;
	private final CrmRecords records;
	private final WebinarPeople people;
	private final Clock clock;
	private final Map<String, Map.Entry<Instant, WebinarView.Counts>> counts = new ConcurrentHashMap<>();

	Webinars(WebexClient client, WebexAccounts accounts, SettingsStore settings, WebinarsSection section, ImportMappings mappings,
			ImportJobs jobs, ImportRunner runner, ImportPermission permission, CrmRecords records, WebinarPeople people, Clock clock) {
		this.client = client;
		this.accounts = accounts;
		this.settings = settings;
		this.section = section;
		this.mappings = mappings;
		this.jobs = jobs;
		this.runner = runner;
		this.permission = permission;
		this.records = records;
		this.people = people;
		this.clock = clock;
	}

	public WebinarSettings settings() {
		return settings.read(section);
	}

	/** The user's webinars, {@code when} past or upcoming (null: both), newest past and soonest upcoming first; empty without a Webex sign-in. */
	public List<WebinarView> list(String userId, String when) {
		if (when != null && !List.of("past", "upcoming").contains(when)) {
			throw ProblemException.badRequest("when must be past or upcoming", new FieldProblem("when", "must be past or upcoming"));
		}
		String token = accounts.tokenFor(userId).orElse(null);
		if (token == null) {
			return List.of();
		}
		WebinarSettings s = settings();
		Instant now = clock.instant();
		Instant from = "upcoming".equals(when) ? now : now.minus(Duration.ofDays(s.pastDays()));
		Instant to = "past".equals(when) ? now : now.plus(Duration.ofDays(s.upcomingDays()));
		Map<String, String> query = new LinkedHashMap<>();
		query.put("meetingType", "meetingSeries");
		query.put("scheduledType", "webinar");
		query.put("from", from.toString());
		query.put("to", to.toString());
		return client.meetings(token, query).stream()
			.map(m -> view(m, now))
			.filter(w -> when == null || w.past() == "past".equals(when))
			.sorted(Comparator.comparing((WebinarView w) -> w.past()).thenComparing(w -> w.past() ? invert(w.start()) : w.start()))
			.toList();
	}

	/** The counts of a webinar's lists (read from Webex with paging, kept two minutes). */
	public WebinarView.Counts counts(String userId, String webinarId) {
		Map.Entry<Instant, WebinarView.Counts> kept = counts.get(webinarId);
		if (kept != null && kept.getKey().isAfter(clock.instant().minus(COUNTS_KEPT))) {
			return kept.getValue();
		}
		String token = token(userId);
		WebexMeeting webinar = WebexMeeting.from(webinar(token, webinarId));
		WebinarView.Counts fresh = new WebinarView.Counts(client.meetingInvitees(token, webinarId).size(),
				client.webinarRegistrants(token, webinarId).size(),
				people.attendeeCount(token, webinar));
		counts.put(webinarId, Map.entry(clock.instant(), fresh));
		return fresh;
	}

	/** Checks the request (403, 400, 404: nothing stored), then queues the import and starts it. */
	public ImportJob startImport(SwitchboardUser user, String webinarId, ImportRequest request) {
		permission.check(user);
		if (request == null || request.object() == null || request.object().isBlank()) {
			throw ProblemException.badRequest("object is required: Lead, Contact or a custom object with an import mapping",
					new FieldProblem("object", "is required"));
		}
		ImportMapping mapping = mappings.of(request.object()).orElseThrow(() -> ProblemException.badRequest(
				"There is no import mapping for " + request.object() + ": a Webex Admin sets it up under Webinars on the admin console",
				new FieldProblem("object", "has no import mapping")));
		List<String> people = request.people() == null ? List.of() : request.people().stream().distinct().toList();
		if (people.isEmpty() || !LISTS.containsAll(people)) {
			throw ProblemException.badRequest("people must list one or more of invitees, registrants, attendees",
					new FieldProblem("people", "must list one or more of invitees, registrants, attendees"));
		}
		String campaignId = request.campaignId() == null || request.campaignId().isBlank() ? null : request.campaignId().trim();
		if (campaignId != null && !records.objectOf(campaignId).map("Campaign"::equals).orElse(false)) {
			throw ProblemException.badRequest("campaignId '" + campaignId + "' is not the id of a Campaign",
					new FieldProblem("campaignId", "is not the id of a Campaign"));
		}
		if (campaignId != null) {
			campaignId = records.get("Campaign", campaignId, List.of("Id")).id();
		}
		JsonNode webinar = webinar(token(user.id()), webinarId);
		ImportJob job = jobs.create(webinarId, webinar.path("title").asString(null), mapping, people, campaignId, user.id());
		runner.kick(job.importId());
		return job;
	}

	private String token(String userId) {
		return accounts.tokenFor(userId).orElseThrow(() -> new ProblemException(Refusal.CONFLICT, "Webex sign-in needed",
				"Sign in to Webex (home page, Webex component) to read your webinars"));
	}

	private JsonNode webinar(String token, String webinarId) {
		try {
			JsonNode webinar = client.meeting(token, webinarId, null);
			if (!"webinar".equals(webinar.path("scheduledType").asString(""))) {
				throw ProblemException.notFound("No webinar " + webinarId);
			}
			return webinar;
		}
		catch (WebexApiException.NotFound e) {
			throw ProblemException.notFound("No webinar " + webinarId);
		}
	}

	private static WebinarView view(JsonNode m, Instant now) {
		String end = m.path("end").asString(null);
		boolean past = end != null && OffsetDateTime.parse(end).toInstant().isBefore(now);
		return new WebinarView(m.path("id").asString(), m.path("title").asString(""), m.path("start").asString(null), end, null, null, null,
				past);
	}

	private static String invert(String start) {
		return start == null ? "" : String.valueOf(Long.MAX_VALUE - OffsetDateTime.parse(start).toInstant().toEpochMilli());
	}
}
