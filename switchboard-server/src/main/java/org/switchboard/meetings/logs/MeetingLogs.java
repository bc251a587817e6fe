package org.switchboard.meetings.logs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.CrmSchema;
import org.switchboard.meetings.hosts.WebexHosts;
import org.switchboard.meetings.hosts.WebexHosts.Host;
import org.switchboard.meetings.logs.EndedQueue.Ended;
import org.switchboard.meetings.scheduling.MeetingRow;
import org.switchboard.meetings.scheduling.MeetingStore;
import org.switchboard.meetings.scheduling.MeetingsLive;
import org.switchboard.meetings.settings.MeetingSettings;
import org.switchboard.meetings.settings.Meetings;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexMeetingEvent;

import tools.jackson.databind.JsonNode;

/**
 * Meeting logs (T2): an ended meeting tied to a record becomes exactly one Event on it. The {@code meetings} webhook's
 * {@code ended} (and a reconciling poll for any missed) queues the ended instance once, in the delivery's own
 * transaction; a worker then asks Webex for the instance and its participants (outside any transaction) and writes the
 * Event with the meeting row locked, only if the meeting has none yet. Redelivered, repeated or out-of-order webhooks
 * therefore add nothing.
 */
@Service
public class MeetingLogs {

	private static final Logger log = LoggerFactory.getLogger(MeetingLogs.class);
	static final Duration LEASE = Duration.ofMinutes(2);
	static final int MAX_ATTEMPTS = 8;

	private final EndedQueue queue;
	private final MeetingStore store;
	private final WebexHosts hosts;
	private final WebexAccounts accounts;
	private final WebexClient client;
	private final CrmRecords records;
	private final CrmSchema schema;
	private final Meetings meetings;
	private final MeetingsLive live;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "meeting-logs");
		thread.setDaemon(true);
		return thread;
	});
	private final AtomicBoolean draining = new AtomicBoolean();
	private final AtomicBoolean requested = new AtomicBoolean();

	MeetingLogs(EndedQueue queue, MeetingStore store, WebexHosts hosts, WebexAccounts accounts, WebexClient client,
			CrmRecords records, CrmSchema schema, Meetings meetings, MeetingsLive live, TransactionTemplate transactions, Clock clock) {
		this.queue = queue;
		this.store = store;
		this.hosts = hosts;
		this.accounts = accounts;
		this.client = client;
		this.records = records;
		this.schema = schema;
		this.meetings = meetings;
		this.live = live;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** In the webhook's transaction: an ended instance is queued once; a deleted meeting is cancelled here too. */
	@EventListener
	void on(WebexMeetingEvent event) {
		if (!"meetings".equals(event.resource()) || event.meetingId() == null) {
			return;
		}
		if ("ended".equals(event.event())) {
			if (queue.offer(event.meetingId(), event.ownerPersonId(), clock.instant())) {
				kickAfterCommit();
			}
		}
		else if ("deleted".equals(event.event())) {
			store.byWebexId(event.meetingId()).filter(m -> store.cancel(m.id())).ifPresent(m -> live.changed(m, "cancelled"));
		}
	}

	/** Works through what is due now (also retries); one drain at a time per replica, again if asked meanwhile. */
	@Scheduled(fixedDelayString = "${switchboard.meetings.logs.retry-interval:PT10S}", initialDelayString = "${switchboard.meetings.logs.retry-interval:PT10S}")
	public void drain() {
		requested.set(true);
		while (requested.get() && draining.compareAndSet(false, true)) {
			try {
				requested.set(false);
				drainDue();
			}
			finally {
				draining.set(false);
			}
		}
	}

	private void drainDue() {
		while (true) {
			Instant now = clock.instant();
			Optional<Ended> claimed = queue.due(now, 16).stream()
				.map(id -> queue.claim(id, now, now.plus(LEASE))).flatMap(Optional::stream).findFirst();
			if (claimed.isEmpty()) {
				return;
			}
			process(claimed.get());
		}
	}

	/**
	 * The reconciling poll: meetings tied to records whose time has come and that have no Event yet are looked up at
	 * Webex; each ended instance found is queued (once, as a webhook would).
	 */
	@Scheduled(fixedDelayString = "${switchboard.meetings.logs.reconcile-interval:PT5M}", initialDelayString = "${switchboard.meetings.logs.reconcile-interval:PT5M}")
	public void reconcile() {
		MeetingSettings settings = meetings.settings();
		if (!settings.logsOn()) {
			return;
		}
		Instant now = clock.instant();
		for (MeetingRow m : store.awaitingLog(now, now.minus(Duration.ofDays(Math.max(settings.pastDays(), 1))), 200)) {
			try {
				Host host = hosts.forMeeting(m.hostUserId(), m.onBehalf());
				Map<String, String> query = new LinkedHashMap<>();
				query.put("meetingType", "meeting");
				query.put("state", "ended");
				query.put("meetingSeriesId", m.webexMeetingId());
				query.put("from", m.start().minus(Duration.ofDays(1)).toString());
				query.put("to", now.toString());
				if (host.hostEmail() != null) {
					query.put("hostEmail", host.hostEmail());
				}
				String owner = accounts.forUser(m.hostUserId()).map(a -> a.personId()).orElse(null);
				for (JsonNode instance : client.meetings(host.token(), query)) {
					if (m.webexMeetingId().equals(instance.path("meetingSeriesId").asString(null))) {
						queue.offer(instance.path("id").asString(), owner, now);
					}
				}
			}
			catch (WebexApiException | ProblemException e) {
				log.debug("Could not look up meeting {} at Webex: {}", m.id(), e.getMessage());
			}
		}
		drain();
	}

	private void process(Ended ended) {
		try {
			Outcome outcome = log(ended);
			queue.finish(ended.instanceId(), outcome.status(), outcome.note());
		}
		catch (WebexApiException | ProblemException e) {
			if (ended.attempts() >= MAX_ATTEMPTS) {
				queue.finish(ended.instanceId(), "failed", e.getMessage());
			}
			else {
				queue.retryAt(ended.instanceId(), clock.instant().plusSeconds(Math.min(3600, 5L << ended.attempts())), e.getMessage());
			}
		}
		catch (RuntimeException e) {
			log.warn("Meeting log for instance {} failed", ended.instanceId(), e);
			queue.retryAt(ended.instanceId(), clock.instant().plus(LEASE), e.getClass().getSimpleName());
		}
	}

	private record Outcome(String status, String note) {
	}

	private Outcome log(Ended ended) {
		String token = Optional.ofNullable(ended.ownerPersonId()).flatMap(accounts::forPerson)
			.flatMap(a -> accounts.tokenFor(a.userId())).orElse(null);
		if (token == null) {
			return new Outcome("ignored", "the webhook's owner is not signed in to Webex");
		}
		JsonNode instance = client.meeting(token, ended.instanceId(), null);
		String seriesId = instance.path("meetingSeriesId").asString(instance.path("id").asString());
		Optional<MeetingRow> tied = store.byWebexId(seriesId);
		if (tied.isEmpty()) {
			return new Outcome("ignored", "not tied to a record");
		}
		MeetingRow meeting = tied.get();
		if (!"ended".equals(instance.path("state").asString(""))) {
			return new Outcome("waiting", "Webex reports the meeting " + instance.path("state").asString("unknown") + ", not ended");
		}
		if (!meetings.settings().logsOn()) {
			transactions.executeWithoutResult(tx -> store.ended(meeting.id()));
			return new Outcome("skipped", "meeting logs are off");
		}
		Host host = hosts.forMeeting(meeting.hostUserId(), meeting.onBehalf());
		List<JsonNode> participants = client.meetingParticipants(host.token(), ended.instanceId(), host.hostEmail());
		Map<String, Object> event = EventContent.of(meeting, instance, participants, relatedTo(meeting));
		String eventId = transactions.execute(tx -> {
			MeetingRow locked = store.lock(meeting.id()).orElseThrow();
			if (locked.eventId() != null) {
				return null;
			}
			String id = records.create("Event", event, meeting.hostUserId()).id();
			store.logged(meeting.id(), id);
			live.changed(meeting, "logged");
			return id;
		});
		return eventId == null ? new Outcome("done", "logged already") : new Outcome("done", "Event " + eventId);
	}

	/** WhatId when the record's object may be an Event's WhatId (Account, Opportunity, Case, Campaign…), else none. */
	private String relatedTo(MeetingRow meeting) {
		if (List.of("Contact", "Lead").contains(meeting.object())) {
			return null;
		}
		boolean allowed = schema.describe("Event").fields().stream().filter(f -> f.name().equals("WhatId"))
			.anyMatch(f -> f.referenceTo().contains(meeting.object()));
		return allowed ? meeting.recordId() : null;
	}

	private void kickAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					worker.execute(MeetingLogs.this::drain);
				}
			});
		}
		else {
			worker.execute(this::drain);
		}
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

	static Instant instant(String text) {
		try {
			return text == null || text.startsWith("1970-") ? null : OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
