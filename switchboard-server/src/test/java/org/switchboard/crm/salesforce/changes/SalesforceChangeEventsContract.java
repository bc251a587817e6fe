package org.switchboard.crm.salesforce.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.ChangeStreamStatus;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.FieldChange;
import org.switchboard.crm.RecordChanged;
import org.switchboard.crm.salesforce.SalesforceSession;
import org.switchboard.messaging.SpaceLinked;
import org.switchboard.platform.lease.Leases;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedDefault;
import org.switchboard.webex.WebexClient;

import dev.switchboard.salesforce.pubsub.PubSubDouble;
import dev.switchboard.salesforce.pubsub.RecordChange;
import tools.jackson.databind.JsonNode;

/**
 * The Change Data Capture subscriber against the Pub/Sub double over real gRPC. The CRM behind the port is the
 * embedded store here (the Salesforce REST adapter is another branch's): gap events re-read records through it and
 * the notification engine renders current values from it, while every RecordChanged under test comes from the
 * stream (told apart by the Salesforce commit user). Subclasses choose the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(SalesforceChangeEventsContract.Fixtures.class)
abstract class SalesforceChangeEventsContract {

	static final String ORG = "00D5g000004SBXAEA4";
	static final String INSTANCE = "https://switchboard-dev.my.salesforce.com";
	static final String COMMIT_USER = "005000000000CDCAAA";
	static final String MEMBER_TOKEN = "c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee";
	static final Duration WAIT = Duration.ofSeconds(20);

	static final PubSubDouble BUS = new PubSubDouble(0, INSTANCE, ORG).start();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(BUS::close, "close-pubsub-double"));
	}

	static final FixedSession SESSION = new FixedSession();
	private static final int SANDBOX_PORT = EmbeddedDefault.freePort();

	@DynamicPropertySource
	static void pubSub(DynamicPropertyRegistry registry) {
		registry.add("switchboard.webex.sandbox.enabled", () -> "true");
		registry.add("switchboard.webex.sandbox.port", () -> SANDBOX_PORT);
		registry.add("switchboard.webex.base-url", () -> "http://localhost:" + SANDBOX_PORT + "/v1");
		registry.add("switchboard.metrics.scrape.password", () -> EmbeddedDefault.MetricsScrape.PASSWORD);
		registry.add("switchboard.salesforce.pubsub.enabled", () -> "true");
		registry.add("switchboard.salesforce.pubsub.host", () -> "127.0.0.1");
		registry.add("switchboard.salesforce.pubsub.port", BUS::port);
		registry.add("switchboard.salesforce.pubsub.plaintext", () -> "true");
		registry.add("switchboard.salesforce.pubsub.min-backoff", () -> "100ms");
		registry.add("switchboard.salesforce.pubsub.max-backoff", () -> "500ms");
		registry.add("switchboard.salesforce.pubsub.lease", () -> "3s");
	}

	@TestConfiguration
	static class Fixtures {

		@Bean
		SalesforceSession fixedSession() {
			return SESSION;
		}

		@Bean
		Captured captured() {
			return new Captured();
		}

		@Bean
		Poison poison() {
			return new Poison();
		}
	}

	/** A listener that fails on the changes of one record while armed: an event no retry can process. */
	static class Poison {

		volatile String recordId;

		@EventListener
		@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
		void on(RecordChanged change) {
			if (change.recordId().equals(recordId)) {
				throw new IllegalStateException("Listener refuses the changes of " + recordId);
			}
		}
	}

	/** Every RecordChanged that came from the stream. */
	static class Captured {

		final List<RecordChanged> changes = new CopyOnWriteArrayList<>();

		@EventListener
		void on(RecordChanged change) {
			if (change.changedBy() != null && change.changedBy().equals(COMMIT_USER)) {
				changes.add(change);
			}
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	Captured captured;

	@Autowired
	Poison poison;

	@Autowired
	ChangeStreamProperties properties;

	@Autowired
	PubSubClient client;

	@Autowired
	BatchProcessor processor;

	@Autowired
	ReplayStore replayStore;

	@Autowired
	ChangeSubscriber subscriber;

	@Autowired
	ChangeStreamStatus status;

	@Autowired
	CrmRecords records;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebexClient webex;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@BeforeEach
	void subscribed() {
		captured.changes.clear();
		rule("Stage changes", "[[Name]] moved from [[prior:StageName]] to [[StageName]]");
		Awaitility.await().atMost(WAIT).until(() -> BUS.subscribers() == 1 && status.state().connected());
	}

	@AfterEach
	void noRules() {
		jdbc.sql("DELETE FROM notification_rule").update();
		jdbc.sql("UPDATE notification_rule_version SET version = version + 1").update();
	}

	@Test
	void aChangeOnTheStreamIsARecordChangedWithItsChangedFieldsAndPriorValues() {
		String id = "006" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "AAA";
		long created = System.currentTimeMillis() - 1000;
		BUS.publish(new RecordChange("Opportunity", List.of(id), "CREATE", Map.of("Name", "Okafor renewal", "StageName", "Prospecting",
				"Amount", 1200.0), List.of(), COMMIT_USER, created, "tx-1"));
		BUS.publish(update(id, Map.of("StageName", "Qualification", "Amount", 1500.0)));

		Awaitility.await().atMost(WAIT).until(() -> captured.changes.size() == 2);
		RecordChanged create = captured.changes.get(0);
		RecordChanged change = captured.changes.get(1);
		assertThat(create.kind()).isEqualTo(RecordChanged.Kind.CREATED);
		assertThat(create.changedAt()).isEqualTo(Instant.ofEpochMilli(created));
		assertThat(change.kind()).isEqualTo(RecordChanged.Kind.UPDATED);
		assertThat(change.object()).isEqualTo("Opportunity");
		assertThat(change.recordId()).isEqualTo(id);
		assertThat(change.changes()).containsOnlyKeys("StageName", "Amount");
		assertThat(change.changes().get("StageName")).isEqualTo(new FieldChange("Prospecting", "Qualification"));
		assertThat(change.changes().get("Amount")).as("Amount is tracked by no rule: no prior value kept")
			.isEqualTo(new FieldChange(null, 1500.0));
		assertThat(status.state().eventsReceived()).isGreaterThanOrEqualTo(2);
		assertThat(status.state().lastReplayId()).isNotBlank();
		assertThat(status.state().subscribed()).isTrue();
	}

	@Test
	void aSubscriberRestartedMidStreamResumesFromTheStoredReplayIdWithoutLossOrRepeat() {
		String id = "006" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "AAB";
		for (int i = 1; i <= 3; i++) {
			BUS.publish(update(id, Map.of("StageName", "Step " + i)));
		}
		Awaitility.await().atMost(WAIT).until(() -> captured.changes.size() == 3);

		subscriber.stop();
		try {
			Awaitility.await().atMost(WAIT).until(() -> BUS.subscribers() == 0);
			assertThat(status.state().subscribed()).isFalse();
			for (int i = 4; i <= 8; i++) {
				BUS.publish(update(id, Map.of("StageName", "Step " + i)));
			}
		}
		finally {
			subscriber.start();
		}

		Awaitility.await().atMost(WAIT).until(() -> captured.changes.size() >= 8);
		Awaitility.await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> captured.changes.size() == 8);
		assertThat(captured.changes).extracting(c -> c.changes().get("StageName").newValue())
			.containsExactly("Step 1", "Step 2", "Step 3", "Step 4", "Step 5", "Step 6", "Step 7", "Step 8");
		assertThat(captured.changes.get(3).changes().get("StageName").oldValue()).isEqualTo("Step 3");
	}

	@Test
	void aDroppedStreamReconnectsAndMissesNothing() {
		String id = "006" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "AAC";
		BUS.dropStreams();
		BUS.publish(update(id, Map.of("StageName", "After the drop")));

		Awaitility.await().atMost(WAIT).until(() -> captured.changes.size() == 1);
		assertThat(captured.changes.get(0).changes().get("StageName").newValue()).isEqualTo("After the drop");
		Awaitility.await().atMost(WAIT).until(() -> status.state().connected());
	}

	@Test
	void anExpiredTokenIsRefreshedOnceThroughTheSessionAndTheStreamReopened() {
		String id = "006" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "AAD";
		String expired = SESSION.accessToken();

		BUS.expireToken(expired);
		BUS.publish(update(id, Map.of("StageName", "With a fresh token")));

		Awaitility.await().atMost(WAIT).until(() -> captured.changes.size() == 1);
		assertThat(SESSION.rejected).containsExactly(expired);
		assertThat(SESSION.accessToken()).isNotEqualTo(expired);
		SESSION.rejected.clear();
	}

	@Test
	void aGapEventReReadsTheRecordThroughTheCrmPortAndReportsWhatChanged() {
		String id = records.create("Opportunity", Map.of("Name", "Gap deal", "StageName", "Prospecting", "CloseDate", "2026-12-31"), null).id();
		BUS.publish(new RecordChange("Opportunity", List.of(id), "CREATE", Map.of("Name", "Gap deal", "StageName", "Prospecting"), List.of(),
				COMMIT_USER, System.currentTimeMillis(), "tx-gap-1"));
		Awaitility.await().atMost(WAIT).until(() -> captured.changes.size() == 1);
		records.update("Opportunity", id, Map.of("StageName", "Closed Won"), null);

		BUS.publish(new RecordChange("Opportunity", List.of(id), "GAP_UPDATE", Map.of(), List.of(), COMMIT_USER, System.currentTimeMillis(),
				"tx-gap-2"));

		Awaitility.await().atMost(WAIT).until(() -> captured.changes.size() == 2);
		RecordChanged gap = captured.changes.get(1);
		assertThat(gap.kind()).isEqualTo(RecordChanged.Kind.UPDATED);
		assertThat(gap.changes()).containsOnlyKeys("StageName");
		assertThat(gap.changes().get("StageName")).isEqualTo(new FieldChange("Prospecting", "Closed Won"));
	}

	@Test
	void onlyOneReplicaHoldsTheStream() {
		Leases other = new Leases(jdbc, Clock.systemUTC(), "replica-other");
		assertThat(other.tryAcquire("salesforce.change-stream:/data/ChangeEvents", Duration.ofSeconds(30))).isEmpty();
	}

	@Test
	void twoSubscribersRacingForTheStreamDeliverEveryChangeOnceAlsoWhenTheHolderStops() {
		String id = "006" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "AAR";
		ChangeSubscriber second = new ChangeSubscriber(properties, SESSION, client, processor, replayStore,
				new StreamState(replayStore, properties.topic()), Clock.systemUTC(), new Leases(jdbc, Clock.systemUTC(), "replica-second"));
		subscriber.stop();
		Awaitility.await().atMost(WAIT).until(() -> BUS.subscribers() == 0);
		try {
			Thread starter = new Thread(second::start);
			starter.start();
			subscriber.start();
			Awaitility.await().atMost(WAIT).until(() -> BUS.listening() == 1);
			for (int i = 1; i <= 4; i++) {
				BUS.publish(update(id, Map.of("StageName", "Race " + i)));
			}
			Awaitility.await().atMost(WAIT).until(() -> captured.changes.size() == 4);
			assertThat(BUS.subscribers()).as("only the lease holder subscribes").isEqualTo(1);

			(status.state().subscribed() ? subscriber : second).stop();
			for (int i = 5; i <= 8; i++) {
				BUS.publish(update(id, Map.of("StageName", "Race " + i)));
			}
			Awaitility.await().atMost(WAIT).until(() -> captured.changes.size() >= 8);
			Awaitility.await().during(Duration.ofMillis(700)).atMost(WAIT).until(() -> captured.changes.size() == 8);
			assertThat(captured.changes).extracting(c -> c.changes().get("StageName").newValue())
				.containsExactly("Race 1", "Race 2", "Race 3", "Race 4", "Race 5", "Race 6", "Race 7", "Race 8");
			assertThat(captured.changes.get(4).changes().get("StageName").oldValue()).as("the new holder goes on from the stored values")
				.isEqualTo("Race 4");
		}
		finally {
			second.stop();
			subscriber.start();
		}
	}

	@Test
	void aReplicaThatLostTheLeaseCannotStoreItsReplayIdOverTheNewHolders() throws InterruptedException {
		String topic = "/data/Fence" + UUID.randomUUID().toString().substring(0, 8) + "__chn";
		ReplayStore store = new ReplayStore(jdbc, topic);
		store.ensureRow(Instant.now());
		Leases.Lease old = new Leases(jdbc, Clock.systemUTC(), "replica-old").tryAcquire("salesforce.change-stream:" + topic, Duration.ofMillis(50))
			.orElseThrow();
		Thread.sleep(100);
		Leases.Lease taken = new Leases(jdbc, Clock.systemUTC(), "replica-new").tryAcquire("salesforce.change-stream:" + topic, Duration.ofSeconds(30))
			.orElseThrow();
		transactions.executeWithoutResult(s -> store.processed(taken, new byte[] { 2 }, 1, Instant.now()));

		assertThatThrownBy(() -> transactions.executeWithoutResult(s -> store.processed(old, new byte[] { 1 }, 1, Instant.now())))
			.isInstanceOf(ReplayStore.LeaseLostException.class);
		assertThat(store.replayId()).hasValue(new byte[] { 2 });
		taken.close();
	}

	@Test
	void anEventTheDecoderCannotReadBecomesADeadLetterAndTheNextChangeStillReachesTheOutbox() {
		String id = records.create("Opportunity", Map.of("Name", "Poisoned deal", "StageName", "Prospecting", "CloseDate", "2026-12-31"), null).id();
		BUS.publish(new RecordChange("Opportunity", List.of(id), "CREATE", Map.of("Name", "Poisoned deal", "StageName", "Prospecting"), List.of(),
				COMMIT_USER, System.currentTimeMillis(), "tx-p-1"));
		Awaitility.await().atMost(WAIT).until(() -> captured.changes.size() == 1);
		records.update("Opportunity", id, Map.of("StageName", "Qualification"), null);
		linkedSpace(id);

		byte[] poisoned = BUS.publishUndecodable(update(id, Map.of("StageName", "Needs Analysis")));
		BUS.publish(update(id, Map.of("StageName", "Qualification")));

		Awaitility.await().atMost(WAIT).until(() -> !outboxTexts(id).isEmpty());
		assertThat(outboxTexts(id)).containsExactly("Poisoned deal moved from Prospecting to Qualification");
		ApiClient api = new ApiClient(port);
		JsonNode stream = api.get(ApiClient.ADMIN, "/api/admin/crm").json().get("changeEvents");
		JsonNode letter = deadLetter(stream, java.util.Base64.getEncoder().encodeToString(poisoned));
		assertThat(letter.get("error").asString()).startsWith("Could not decode");
		assertThat(letter.get("object").isNull()).isTrue();
		assertThat(stream.get("deadLetterCount").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(status.state().lastReplayId()).as("the stream moved past it").isNotEqualTo(letter.get("replayId").asString());

		ApiClient.Response replayed = api.send(ApiClient.ADMIN, "POST",
				"/api/admin/crm/change-events/dead-letters/" + letter.get("id").asString() + "/replay", "");
		assertThat(replayed.status()).as("an event that still cannot be read is refused, and kept").isEqualTo(409);
		assertThat(replayed.body()).contains("failed again");
		JsonNode after = deadLetter(api.get(ApiClient.ADMIN, "/api/admin/crm").json().get("changeEvents"), letter.get("replayId").asString());
		assertThat(after.get("attempts").asInt()).isEqualTo(2);
	}

	@Test
	void anEventAListenerCannotProcessIsSetAsideWithoutHoldingBackItsBatchAndReplaysOnceFixed() {
		String bad = "006" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "AAP";
		String good = "006" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "AAQ";
		poison.recordId = bad;
		try {
			BUS.publish(update(bad, Map.of("StageName", "Refused")));
			BUS.publish(update(good, Map.of("StageName", "Accepted")));
			Awaitility.await().atMost(WAIT).until(() -> captured.changes.stream().anyMatch(c -> c.recordId().equals(good)));
		}
		finally {
			poison.recordId = null;
		}
		ApiClient api = new ApiClient(port);
		JsonNode letter = null;
		for (JsonNode candidate : api.get(ApiClient.ADMIN, "/api/admin/crm").json().get("changeEvents").get("deadLetters")) {
			if (candidate.get("recordIds").get(0).asString().equals(bad)) {
				letter = candidate;
			}
		}
		assertThat(letter).as("the refused event is a dead letter").isNotNull();
		assertThat(letter.get("object").asString()).isEqualTo("Opportunity");
		assertThat(letter.get("error").asString()).contains("Listener refuses");
		assertThat(captured.changes).noneMatch(c -> c.recordId().equals(bad));

		ApiClient.Response replayed = api.send(ApiClient.ADMIN, "POST",
				"/api/admin/crm/change-events/dead-letters/" + letter.get("id").asString() + "/replay", "");

		assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
		assertThat(replayed.json().get("replayedAt").isNull()).isFalse();
		assertThat(captured.changes).filteredOn(c -> c.recordId().equals(bad)).singleElement()
			.satisfies(c -> assertThat(c.changes().get("StageName").newValue()).isEqualTo("Refused"));
		assertThat(api.send(ApiClient.ADMIN, "POST", "/api/admin/crm/change-events/dead-letters/" + letter.get("id").asString() + "/replay", "")
			.status()).as("a second replay is refused").isEqualTo(409);
		assertThat(api.send(ApiClient.ADMIN, "POST", "/api/admin/crm/change-events/dead-letters/no-such-id/replay", "").status()).isEqualTo(404);
	}

	@Test
	void aStageChangeMadeInSalesforceReachesTheNotificationOutboxWithItsPriorValue() {
		String id = records.create("Opportunity", Map.of("Name", "Outbox deal", "StageName", "Prospecting", "CloseDate", "2026-12-31"), null).id();
		BUS.publish(new RecordChange("Opportunity", List.of(id), "CREATE", Map.of("Name", "Outbox deal", "StageName", "Prospecting"), List.of(),
				COMMIT_USER, System.currentTimeMillis(), "tx-o-1"));
		Awaitility.await().atMost(WAIT).until(() -> captured.changes.size() == 1);
		// The org's record as it is after the change (the engine renders current values through the CRM port);
		// no space is linked yet, so this write itself queues nothing.
		records.update("Opportunity", id, Map.of("StageName", "Qualification"), null);
		linkedSpace(id);
		assertThat(outboxTexts(id)).isEmpty();

		BUS.publish(update(id, Map.of("StageName", "Qualification")));

		Awaitility.await().atMost(WAIT).until(() -> !outboxTexts(id).isEmpty());
		assertThat(outboxTexts(id)).containsExactly("Outbox deal moved from Prospecting to Qualification");
	}

	@Test
	void aStoredReplayIdSalesforceNoLongerKnowsRestartsFromTheEarliestEventWithoutRepeatingANotification() {
		// The record as the org has it at the end; the engine renders [[StageName]] from it, [[prior:StageName]] from the change.
		String id = records.create("Opportunity", Map.of("Name", "Replayed deal", "StageName", "Closed Won", "CloseDate", "2026-12-31"), null).id();
		linkedSpace(id);
		BUS.publish(new RecordChange("Opportunity", List.of(id), "CREATE", Map.of("Name", "Replayed deal", "StageName", "Prospecting"), List.of(),
				COMMIT_USER, System.currentTimeMillis(), "tx-r-1"));
		BUS.publish(update(id, Map.of("StageName", "Qualification")));
		Awaitility.await().atMost(WAIT).until(() -> outboxTexts(id).size() == 1);
		String outside = java.util.Base64.getEncoder().encodeToString(new byte[] { 0, 0, 0, 0, 0, 0, 0, 1 });
		jdbc.sql("UPDATE salesforce_change_stream SET replay_id = ?").param(outside).update();

		BUS.dropStreams();

		Awaitility.await().atMost(WAIT).until(() -> status.state().connected() && status.state().lastReplayId() != null
				&& !status.state().lastReplayId().equals(outside));
		BUS.publish(update(id, Map.of("StageName", "Closed Won")));
		Awaitility.await().atMost(WAIT).until(() -> outboxTexts(id).size() == 2);
		assertThat(outboxTexts(id)).containsExactlyInAnyOrder("Replayed deal moved from Prospecting to Closed Won",
				"Replayed deal moved from Qualification to Closed Won");
	}

	@Test
	void aRuleTrackingAnAddressPartOrALargeTextSeesTheirChangesAsTheObjectsOwnFields() {
		rule("Account moves", "Account", "BillingCity,Description", "[[Name]] moved from [[prior:BillingCity]] to [[BillingCity]]");
		String id = "001" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "AAA";
		String before = longText(-1);
		String after = longText(9);
		BUS.publish(new RecordChange("Account", List.of(id), "CREATE", Map.of("Name", "Okafor", "BillingCity", "Paris", "BillingCountry", "France",
				"Description", before), List.of(), COMMIT_USER, System.currentTimeMillis(), "tx-a-1"));
		BUS.publish(account(id, Map.of("BillingCity", "Lyon")));
		BUS.publish(account(id, Map.of("Description", after)));

		Awaitility.await().atMost(WAIT).until(() -> captured.changes.size() == 3);
		assertThat(captured.changes.get(0).changes()).containsKeys("BillingCity", "BillingCountry", "Description");
		assertThat(captured.changes.get(1).changes()).containsOnlyKeys("BillingCity");
		assertThat(captured.changes.get(1).changes().get("BillingCity")).isEqualTo(new FieldChange("Paris", "Lyon"));
		assertThat(captured.changes.get(2).changes()).containsOnlyKeys("Description");
		assertThat(captured.changes.get(2).changes().get("Description")).as("the diff Salesforce sent, applied to the last-known text")
			.isEqualTo(new FieldChange(before, after));
	}

	@Test
	void aLargeTextNoRuleTracksIsReadFromTheCrmWhenItCameAsADiff() {
		String before = longText(-1);
		String after = longText(4);
		String id = records.create("Account", Map.of("Name", "Diffed", "Description", after), null).id();
		BUS.publish(new RecordChange("Account", List.of(id), "CREATE", Map.of("Name", "Diffed", "Description", before), List.of(), COMMIT_USER,
				System.currentTimeMillis(), "tx-d-1"));
		BUS.publish(account(id, Map.of("Description", after)));

		Awaitility.await().atMost(WAIT).until(() -> captured.changes.size() == 2);
		assertThat(captured.changes.get(1).changes().get("Description")).isEqualTo(new FieldChange(null, after));
	}

	@Test
	void aRuleThatStartsTrackingAFieldHasItsPriorsReadForRecordsWithASpaceSoTheFirstChangeKnowsIt() {
		String id = records.create("Opportunity", Map.of("Name", "Backfilled deal", "StageName", "Prospecting", "NextStep", "Call back",
				"CloseDate", "2026-12-31"), null).id();
		linkedSpace(id);
		rule("Next steps", "Opportunity", "NextStep", "[[Name]]: next step was [[prior:NextStep]], now [[NextStep]]");
		Awaitility.await().atMost(WAIT).until(() -> jdbc.sql("SELECT COUNT(*) FROM salesforce_known_values WHERE record_id = ? "
				+ "AND field_values LIKE '%Call back%'").param(id).query(Long.class).single() == 1);

		BUS.publish(update(id, Map.of("NextStep", "Send quote")));

		Awaitility.await().atMost(WAIT).until(() -> !outboxTexts(id).isEmpty());
		assertThat(captured.changes).singleElement().satisfies(c -> assertThat(c.changes().get("NextStep"))
			.isEqualTo(new FieldChange("Call back", "Send quote")));
		// [[NextStep]] renders the record as the CRM holds it (not written here, so that only the stream's change queues a row)
		assertThat(outboxTexts(id)).singleElement().asString().startsWith("Backfilled deal: next step was Call back, now ");
	}

	// --- helpers ---

	private static RecordChange account(String id, Map<String, Object> values) {
		return new RecordChange("Account", List.of(id), "UPDATE", values, List.copyOf(values.keySet()), COMMIT_USER, System.currentTimeMillis(),
				"tx-" + UUID.randomUUID());
	}

	/** 30 lines of a long description (over 1,000 characters, so Salesforce diffs its updates); line {@code changed} differs. */
	private static String longText(int changed) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 30; i++) {
			text.append(i == changed ? "This paragraph was rewritten in the org by a colleague. " : "Paragraph " + i + " of the account's history, unchanged.")
				.append('\n');
		}
		return text.toString();
	}

	private static JsonNode deadLetter(JsonNode stream, String replayId) {
		for (JsonNode letter : stream.get("deadLetters")) {
			if (letter.get("replayId").asString().equals(replayId)) {
				return letter;
			}
		}
		throw new AssertionError("No dead letter with replay id " + replayId + " in " + stream);
	}

	private static RecordChange update(String id, Map<String, Object> values) {
		return new RecordChange("Opportunity", List.of(id), "UPDATE", values, List.copyOf(values.keySet()), COMMIT_USER,
				System.currentTimeMillis(), "tx-" + UUID.randomUUID());
	}

	private List<String> outboxTexts(String recordId) {
		return jdbc.sql("SELECT text FROM notification_delivery WHERE record_id = ?").param(recordId).query(String.class).list();
	}

	private void linkedSpace(String recordId) {
		String room = webex.createRoom(MEMBER_TOKEN, "Space for " + recordId).get("id").asString();
		String agent = records.findByField("User", "Username", ApiClient.AGENT).get(0).id();
		transactions.executeWithoutResult(s -> events.publishEvent(new SpaceLinked(UUID.randomUUID().toString(), "Opportunity", recordId,
				room, "Space for " + recordId, agent, Instant.now())));
	}

	private void rule(String name, String template) {
		rule(name, "Opportunity", "StageName", template);
	}

	private void rule(String name, String object, String trackedFields, String template) {
		String tracked = String.join(",", java.util.Arrays.stream(trackedFields.split(",")).map(f -> "\"" + f + "\"").toList());
		String body = "{\"name\":\"" + name + "\",\"object\":\"" + object + "\",\"trackedFields\":[" + tracked + "],\"template\":\"" + template
				+ "\",\"active\":true}";
		ApiClient.Response created = new ApiClient(port).send(ApiClient.ADMIN, "POST", "/api/admin/notifications/rules", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	/** A connected org whose token the bus accepts; a refresh swaps in a new one (and the bus learns it). */
	static final class FixedSession implements SalesforceSession {

		final List<String> rejected = new CopyOnWriteArrayList<>();
		private final AtomicReference<String> token = new AtomicReference<>();

		FixedSession() {
			rotate();
		}

		private void rotate() {
			String next = ORG.substring(0, 15) + "!AQ" + UUID.randomUUID();
			BUS.acceptToken(next);
			token.set(next);
		}

		@Override
		public String instanceUrl() {
			return INSTANCE;
		}

		@Override
		public String accessToken() {
			return token.get();
		}

		@Override
		public String organizationId() {
			return ORG;
		}

		@Override
		public synchronized void refreshAfterUnauthenticated(String rejectedToken) {
			rejected.add(rejectedToken);
			if (rejectedToken.equals(token.get())) {
				rotate();
			}
		}

		@Override
		public boolean connected() {
			return true;
		}
	}

}
