package org.switchboard.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.switchboard.salesforce.sandbox.RunningSalesforce;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.EmbeddedDefault;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.ChangeStreamStatus;
import org.switchboard.crm.CrmConnections;
import org.switchboard.crm.FieldChange;
import org.switchboard.crm.RecordChanged;
import org.switchboard.messaging.SpaceLinked;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexMessage;
import org.switchboard.crm.CrmException;
import org.switchboard.crm.CrmRecords;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.support.RemoteCalls;
import org.switchboard.support.SseClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Switchboard in Salesforce mode end to end: the server on the Salesforce double (demo data seeded into it through the
 * port) and the Webex sandbox, over real HTTP.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// A context of its own (Salesforce mode) with a Webex sandbox port of its own: cached contexts stay up side by side.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "switchboard.embedded.notifications=false")
@org.springframework.context.annotation.Import(RemoteCalls.Recording.class)
class SalesforceModeTests {

	private static final int SANDBOX_PORT = EmbeddedDefault.freePort();

	@LocalServerPort
	int port;

	private ApiClient api() {
		return new ApiClient(port);
	}

	private static JsonNode sandbox(String path, String json) {
		return EmbeddedServerTest.sandboxAt(SANDBOX_PORT, path, json);
	}


	private static final Duration WAIT = Duration.ofSeconds(15);
	private static final String AGENT = ApiClient.AGENT;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@DynamicPropertySource
	static void salesforce(DynamicPropertyRegistry registry) {
		EmbeddedDefault.registerOnSalesforceDouble(registry, SANDBOX_PORT);
		registry.add("switchboard.salesforce.retry-backoff", () -> "10ms");
		registry.add("switchboard.salesforce.pubsub.min-backoff", () -> "100ms");
		registry.add("switchboard.salesforce.pubsub.max-backoff", () -> "500ms");
		registry.add("switchboard.notifications.idle-poll", () -> "200ms");
	}

	private static final String BOT_TOKEN = "c2FuZGJveC10b2tlbi1ib3Q_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee";
	private static final String BOT_EMAIL = "switchboard-bot@webex.bot";
	private static final String MEMBER_TOKEN = "c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee";

	@TestConfiguration
	static class Listening {

		@Bean
		Captured captured() {
			return new Captured();
		}
	}

	/** Every RecordChanged published in the server, whichever way it came. */
	static class Captured {

		final List<RecordChanged> changes = new CopyOnWriteArrayList<>();

		@EventListener
		void on(RecordChanged change) {
			changes.add(change);
		}

		List<RecordChanged> of(String recordId) {
			return changes.stream().filter(c -> c.recordId().equals(recordId)).toList();
		}
	}

	@Autowired
	Captured captured;

	@Autowired
	ChangeStreamStatus stream;

	@Autowired
	WebexClient webex;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	RunningSalesforce org;

	@Autowired
	SalesforceConnection connection;

	@Autowired
	SalesforceConnector connector;

	@Autowired
	CrmRecords records;

	@Autowired
	CrmConnectionStatus status;

	@Autowired
	RemoteCalls remote;

	@Autowired
	org.springframework.modulith.events.IncompleteEventPublications incomplete;

	@Autowired
	org.springframework.context.ApplicationContext context;

	@Test
	@Order(1)
	void theDemoDataIsSeededIntoTheOrgThroughThePort() {
		assertThat(org.store().all("Contact")).hasSizeGreaterThanOrEqualTo(500);
		assertThat(org.store().all("User")).extracting(u -> u.get("Username")).contains(AGENT, ApiClient.ADMIN);
		JsonNode status = api().get(ApiClient.ADMIN, "/api/admin/crm").json();
		assertThat(status.path("backend").asString()).isEqualTo("salesforce");
		assertThat(status.path("connected").asBoolean()).isTrue();
		assertThat(status.path("orgId").asString()).isEqualTo(org.orgId());
		assertThat(status.path("apiCallsRemaining").asInt()).isPositive();
		String body = api().get(ApiClient.ADMIN, "/api/admin/crm").body();
		assertThat(body).doesNotContain(connection.link().orElseThrow().refreshToken()).doesNotContain(org.clientSecret());
	}

	@Test
	@Order(2)
	void anInboundCallPopsAContactStoredAsTypedAndItsLogBecomesATaskInTheOrg() throws Exception {
		String name = "Okafor" + UUID.randomUUID().toString().substring(0, 6);
		String contact = inSalesforce("Contact", Map.of("FirstName", "Rita", "LastName", name, "Phone", "(415) 555-0142"));

		try (SseClient events = new SseClient(port, AGENT, "/api/calling/events")) {
			Awaitility.await().atMost(WAIT).until(() -> events.status() == 200);
			sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+1 (415) 555-0142\",\"fromName\":\"Rita\"}");
			JsonNode ringing = events.next(c -> c.get("state").asString().equals("alerting")
					&& "+1 (415) 555-0142".equals(c.get("remoteNumber").asString()), WAIT).data();
			assertThat(ringing.get("matches")).extracting(m -> m.get("id").asString()).contains(contact);
			String callId = ringing.get("callId").asString();

			assertThat(api().send(AGENT, "POST", "/api/calling/calls/" + callId + "/answer", "{}").status()).isEqualTo(204);
			events.next(c -> c.get("callId").asString().equals(callId) && c.get("state").asString().equals("connected"), WAIT);
			Thread.sleep(1_100);
			assertThat(api().send(AGENT, "POST", "/api/calling/calls/" + callId + "/hangup", "{}").status()).isEqualTo(204);
			events.next(c -> c.get("callId").asString().equals(callId) && c.get("state").asString().equals("disconnected"), WAIT);
			ApiClient.Response logged = api().send(AGENT, "POST", "/api/calling/calls/" + callId + "/log",
					"{\"subject\":\"Delivery question\",\"notes\":\"Wants Friday\",\"whoId\":\"" + contact + "\",\"disposition\":\"Resolved\"}");
			assertThat(logged.status()).as(logged.body()).isEqualTo(201);

			Map<String, Object> task = org.store().find(logged.json().get("taskId").asString()).orElseThrow();
			assertThat(task).containsEntry("WhoId", contact).containsEntry("CallType", "Inbound").containsEntry("TaskSubtype", "Call")
				.containsEntry("Subject", "Delivery question");
		}
	}

	@Test
	@Order(3)
	void anExpiredSessionIsRefreshedOnceForConcurrentRequests() throws Exception {
		String contact = inSalesforce("Contact", Map.of("LastName", "Session"));
		int before = connection.refreshes();
		org.expireSessions();

		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<String>> reads = java.util.Collections.nCopies(6, () -> records.get("Contact", contact, List.of("LastName")).getString("LastName"));
			for (Future<String> read : pool.invokeAll(reads)) {
				assertThat(read.get()).isEqualTo("Session");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(connection.refreshes()).isEqualTo(before + 1);
	}

	@Test
	@Order(4)
	void busyAndOverLimitAnswersAreRetriedThenAClear503NeverA500() {
		String contact = inSalesforce("Contact", Map.of("LastName", "Busy"));
		org.injectFaults(503, "SERVER_UNAVAILABLE", 2);
		assertThat(api().get(AGENT, "/api/records/Contact/" + contact).status()).isEqualTo(200);

		org.injectFaults(403, "REQUEST_LIMIT_EXCEEDED", 4);
		try {
			assertThatThrownBy(() -> records.get("Contact", contact, List.of("LastName"))).isInstanceOfSatisfying(CrmException.class,
					e -> assertThat(e.refusal()).isEqualTo(Refusal.UNAVAILABLE)).hasMessageContaining("REQUEST_LIMIT_EXCEEDED").hasMessageContaining("allocation");
		}
		finally {
			org.clearFaults();
		}
		assertThat(api().get(AGENT, "/api/records/Contact/" + contact).status()).isEqualTo(200);
	}

	@Test
	@Order(5)
	void aWrongSecretOrAnOrgWithoutApiAccessIsRefusedClearlyAndNothingChanges() throws Exception {
		OrgLink connected = connection.link().orElseThrow();
		CrmConnections.Connect wrongSecret = SalesforceConnector.start(org.baseUrl(), org.clientId(), "not-the-secret", "http://localhost/cb");
		String code = SalesforceSandboxConfiguration.approve(wrongSecret.authorizeUrl());
		assertThatThrownBy(() -> connector.complete(wrongSecret, code)).isInstanceOf(CrmException.class).hasMessageContaining("client secret");

		org.apiEnabled(false);
		try {
			CrmConnections.Connect noApi = SalesforceConnector.start(org.baseUrl(), org.clientId(), org.clientSecret(), "http://localhost/cb");
			String second = SalesforceSandboxConfiguration.approve(noApi.authorizeUrl());
			assertThatThrownBy(() -> connector.complete(noApi, second)).isInstanceOf(CrmException.class).hasMessageContaining("no API access");
		}
		finally {
			org.apiEnabled(true);
		}
		assertThat(connection.link()).contains(connected);
		assertThat(connection.connected()).isTrue();
	}

	@Test
	@Order(6)
	void aCallbackWithAForeignStateStoresNothingAndBadSettingsAreNamed() {
		ApiClient.Response foreign = api().get(ApiClient.ADMIN, "/crm/oauth/callback?code=abc&state=someone-elses");
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(foreign.body()).contains("unknown state").contains("Nothing was stored");
		ApiClient.Response bad = api().send(ApiClient.ADMIN, "PUT", "/api/admin/crm/salesforce",
				"{\"loginUrl\":\"ftp://evil\",\"clientId\":\"\",\"clientSecret\":\"\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
			.containsExactlyInAnyOrder("loginUrl", "clientId", "clientSecret");
		assertThat(api().send(AGENT, "PUT", "/api/admin/crm/salesforce", "{}").status()).as("not a Webex Admin").isEqualTo(403);
		assertThat(connection.connected()).isTrue();
	}

	@Test
	@Order(7)
	void ourOwnWriteIsOneRecordChangedAndAChangeMadeInSalesforceIsOneThroughCdcWithItsPrior() {
		rule("Stage changes", "[[Name]] moved from [[prior:StageName]] to [[StageName]]");
		Awaitility.await().atMost(WAIT).until(() -> stream.state().connected());
		String id = inSalesforce("Opportunity", Map.of("Name", "Echo deal", "StageName", "Prospecting", "CloseDate", "2026-12-31"));
		Awaitility.await().atMost(WAIT).until(() -> captured.of(id).size() == 1);
		assertThat(captured.of(id).get(0).kind()).as("created in Salesforce, reported by CDC").isEqualTo(RecordChanged.Kind.CREATED);

		long received = stream.state().eventsReceived();
		String agent = records.findByField("User", "Username", AGENT).get(0).id();
		records.update("Opportunity", id, Map.of("StageName", "Qualification"), agent);
		Awaitility.await().atMost(WAIT).until(() -> stream.state().eventsReceived() > received);
		Awaitility.await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> captured.of(id).size() == 2);
		assertThat(captured.of(id).get(1).changes().get("StageName")).as("published by the adapter, its CDC twin skipped by changeOrigin")
			.isEqualTo(new FieldChange("Prospecting", "Qualification"));

		inSalesforceUpdate("Opportunity", id, Map.of("StageName", "Negotiation/Review"));
		Awaitility.await().atMost(WAIT).until(() -> captured.of(id).size() == 3);
		Awaitility.await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> captured.of(id).size() == 3);
		RecordChanged viaCdc = captured.of(id).get(2);
		assertThat(viaCdc.changedBy()).isEqualTo(org.integrationUserId());
		assertThat(viaCdc.changes().get("StageName")).as("the prior is the value our own write left")
			.isEqualTo(new FieldChange("Qualification", "Negotiation/Review"));
	}

	@Test
	@Order(8)
	void aStageChangeMadeInSalesforceReachesTheRecordsWebexSpaceAsABotMessageThroughCdc() {
		assertThat(api().send(ApiClient.ADMIN, "PUT", "/api/admin/notifications/bot", "{\"accessToken\":\"" + BOT_TOKEN + "\"}").status())
			.isEqualTo(200);
		jdbc.sql("DELETE FROM notification_rule").update();
		jdbc.sql("UPDATE notification_rule_version SET version = version + 1").update();
		rule("Stage to space", "Stage of [[Name]] is now [[StageName]] (was [[prior:StageName]])");
		Awaitility.await().atMost(WAIT).until(() -> stream.state().connected());
		String id = inSalesforce("Opportunity", Map.of("Name", "Space deal", "StageName", "Prospecting", "CloseDate", "2026-12-31"));
		Awaitility.await().atMost(WAIT).until(() -> captured.of(id).size() == 1);
		String room = linkedSpace(id);

		inSalesforceUpdate("Opportunity", id, Map.of("StageName", "Closed Won"));

		Awaitility.await("the outbox row").atMost(WAIT).until(() -> !jdbc.sql("SELECT status FROM notification_delivery WHERE record_id = ?")
			.param(id).query(String.class).list().isEmpty());
		Awaitility.await("the bot's message").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> botMessages(room).size() >= 1);
		Awaitility.await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> botMessages(room).size() == 1);
		assertThat(botMessages(room).get(0).text()).isEqualTo("Stage of Space deal is now Closed Won (was Prospecting)");
		assertThat(stream.state().lastReplayId()).isNotBlank();
		assertThat(stream.state().lastEventAt()).isNotNull();

		JsonNode changeEvents = api().get(ApiClient.ADMIN, "/api/admin/crm").json().path("changeEvents");
		assertThat(changeEvents.path("state").asString()).isEqualTo("connected");
		assertThat(changeEvents.path("eventsReceived").asLong()).isPositive();
		assertThat(changeEvents.path("lastReplayId").asString()).isEqualTo(stream.state().lastReplayId());
		assertThat(changeEvents.path("lastEventAt").asString()).isNotBlank();
		jdbc.sql("INSERT INTO salesforce_change_dead_letter (id, topic, replay_id, schema_id, payload, entity_name, record_ids, error, attempts, "
				+ "failed_at) VALUES ('dl-console', ?, 'AAAAAAAAAAE=', 'abc', 'AA==', 'Opportunity', ?, 'Could not decode: test', 1, ?)")
			.params(changeEvents.path("topic").asString(), id, java.time.OffsetDateTime.now()).update();
		ApiClient.Response console = api().get(ApiClient.ADMIN, "/admin");
		jdbc.sql("DELETE FROM salesforce_change_dead_letter WHERE id = 'dl-console'").update();
		assertThat(console.status()).isEqualTo(200);
		assertThat(console.body()).contains("data-stream-state>connected<").contains("data-change-stream")
			.contains("data-stream-dead-letters>1<").contains("data-dead-letter=\"dl-console\"").contains("data-replay-dead-letter")
			.contains("Could not decode: test");
	}

	// Remote calls outside database transactions (ADR 0040): in Salesforce mode the CRM port is HTTP as Webex is.

	@Test
	@Order(10)
	void clickToCallReadsTheRecordAndDialsWebexWithNoTransactionOpen() {
		String contact = inSalesforce("Contact", Map.of("LastName", "Dialled", "MobilePhone", "(303) 555-0187"));
		remote.clear();
		ApiClient.Response dialled = api().send(AGENT, "POST", "/api/calling/calls",
				"{\"object\":\"Contact\",\"id\":\"" + contact + "\",\"phoneField\":\"MobilePhone\"}");
		assertThat(dialled.status()).as(dialled.body()).isEqualTo(201);
		assertThat(dialled.json().get("whoId").asString()).as("the record the call was placed from").isEqualTo(contact);
		assertThat(remote.of("dial")).hasSize(1);
		assertThat(remote.inTransaction("dial")).isEmpty();
		assertThat(remote.inTransaction("get")).isEmpty();
		hangUp(dialled.json().get("callId").asString());

		remote.clear();
		ApiClient.Response typed = api().send(AGENT, "POST", "/api/calling/calls", "{\"to\":\"+1 720 555 0100\"}");
		assertThat(typed.status()).as(typed.body()).isEqualTo(201);
		assertThat(remote.of("findByPhone")).as("the number is matched in the org").isNotEmpty();
		assertThat(remote.inTransaction("findByPhone")).isEmpty();
		assertThat(remote.inTransaction("dial")).isEmpty();
		hangUp(typed.json().get("callId").asString());
	}

	@Test
	@Order(11)
	void anInboundCallIsMatchedInTheOrgWithNoTransactionOpenAndStillPopsWithItsMatch() throws Exception {
		String contact = inSalesforce("Contact", Map.of("LastName", "Popped", "Phone", "(415) 555-0143"));
		try (SseClient events = new SseClient(port, AGENT, "/api/calling/events")) {
			Awaitility.await().atMost(WAIT).until(() -> events.status() == 200);
			remote.clear();
			sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+1 415 555 0143\"}");
			JsonNode ringing = events.next(c -> c.get("state").asString().equals("alerting")
					&& "+1 415 555 0143".equals(c.get("remoteNumber").asString()), WAIT).data();
			assertThat(ringing.get("matches")).as("the first ringing event already carries the match")
				.extracting(m -> m.get("id").asString()).containsExactly(contact);
			assertThat(remote.of("findByPhone")).isNotEmpty();
			assertThat(remote.inTransaction("findByPhone")).as("matched while the webhook's transaction was open").isEmpty();
			hangUp(ringing.get("callId").asString());
		}
	}

	@Test
	@Order(12)
	void aCallLogIsWrittenToTheOrgWithNoTransactionOpenAndOnceOnly() throws Exception {
		String callId = endedInboundCall("+1 415 555 0144");
		remote.clear();
		ApiClient.Response logged = api().send(AGENT, "POST", "/api/calling/calls/" + callId + "/log", "{\"subject\":\"Outside\"}");
		assertThat(logged.status()).as(logged.body()).isEqualTo(201);
		assertThat(remote.of("create")).hasSize(1);
		assertThat(remote.inTransaction("create")).as("the Task written under the call row's lock").isEmpty();
		assertThat(tasksOf(callId)).extracting(t -> t.get("Id")).containsExactly(logged.json().get("taskId").asString());
		assertThat(api().send(AGENT, "POST", "/api/calling/calls/" + callId + "/log", "{}").status()).as("a second log").isEqualTo(409);
		assertThat(tasksOf(callId)).hasSize(1);
	}

	@Test
	@Order(13)
	void aLogWhoseTaskReachedTheOrgBeforeACrashIsRecordedWithoutASecondTask() throws Exception {
		String callId = endedInboundCall("+1 415 555 0145");
		String webexCallId = jdbc.sql("SELECT webex_call_id FROM calling_call WHERE id = ?").param(callId).query(String.class).single();
		// An earlier save wrote the Task, then the server died before it recorded it: the row is still a draft.
		String orphan = inSalesforce("Task", Map.of("Subject", "Written before the crash", "CallObject", webexCallId, "Status", "Completed"));

		ApiClient.Response logged = api().send(AGENT, "POST", "/api/calling/calls/" + callId + "/log", "{\"subject\":\"Again\"}");
		assertThat(logged.status()).as(logged.body()).isEqualTo(201);
		assertThat(logged.json().get("taskId").asString()).isEqualTo(orphan);
		assertThat(tasksOf(callId)).hasSize(1);
	}

	@Test
	@Order(14)
	void theBotTokenIsCheckedWithWebexWithNoTransactionOpen() {
		remote.clear();
		assertThat(api().send(ApiClient.ADMIN, "PUT", "/api/admin/notifications/bot", "{\"accessToken\":\"" + BOT_TOKEN + "\"}").status())
			.isEqualTo(200);
		assertThat(remote.of("me")).hasSize(1);
		assertThat(remote.inTransaction("me")).isEmpty();
		assertThat(jdbc.sql("SELECT email FROM notification_bot").query(String.class).list()).containsExactly(BOT_EMAIL);
	}

	@Test
	@Order(15)
	void aChangesMessageReadsTheRecordWithNoTransactionOpenWhetherTheChangeCameByCdcOrByOurOwnWrite() {
		Awaitility.await().atMost(WAIT).until(() -> stream.state().connected());
		String id = inSalesforce("Opportunity", Map.of("Name", "Outside deal", "StageName", "Prospecting", "CloseDate", "2026-12-31"));
		Awaitility.await().atMost(WAIT).until(() -> captured.of(id).size() == 1);
		String room = linkedSpace(id);
		remote.clear();

		inSalesforceUpdate("Opportunity", id, Map.of("StageName", "Qualification"));
		Awaitility.await("the bot's message").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> botMessages(room).size() == 1);
		String agent = records.findByField("User", "Username", AGENT).get(0).id();
		records.update("Opportunity", id, Map.of("StageName", "Closed Won"), agent);
		Awaitility.await("the second message").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> botMessages(room).size() == 2);

		assertThat(botMessages(room)).extracting(WebexMessage::text).containsExactlyInAnyOrder(
				"Stage of Outside deal is now Qualification (was Prospecting)", "Stage of Outside deal is now Closed Won (was Qualification)");
		assertThat(remote.of("get")).as("the template's current values are read from the org").isNotEmpty();
		assertThat(remote.inTransaction("get")).isEmpty();
	}

	@Test
	@Order(16)
	void aMatchLostBeforeItWasRecordedIsMadeByTheCallsNextEvent() throws Exception {
		String contact = inSalesforce("Contact", Map.of("LastName", "Recovered", "Phone", "(415) 555-0147"));
		try (SseClient events = new SseClient(port, AGENT, "/api/calling/events")) {
			Awaitility.await().atMost(WAIT).until(() -> events.status() == 200);
			sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+1 415 555 0147\"}");
			String callId = events.next(c -> c.get("state").asString().equals("alerting") && "+1 415 555 0147".equals(c.get("remoteNumber").asString()),
					WAIT).data().get("callId").asString();
			// The server stopped after the webhook's commit, before the match was recorded.
			jdbc.sql("UPDATE calling_call SET matches = '[]', match_pending = TRUE WHERE id = ?").param(callId).update();

			assertThat(api().send(AGENT, "POST", "/api/calling/calls/" + callId + "/answer", "{}").status()).isEqualTo(204);
			JsonNode connected = events.next(c -> c.get("callId").asString().equals(callId) && c.get("state").asString().equals("connected"), WAIT).data();
			assertThat(connected.get("matches")).extracting(m -> m.get("id").asString()).containsExactly(contact);
			assertThat(jdbc.sql("SELECT match_pending FROM calling_call WHERE id = ?").param(callId).query(Boolean.class).single()).isFalse();
			hangUp(callId);
		}
	}

	@Test
	@Order(17)
	void whileASlowOrgWritesTheTaskTheCallRowIsFreeAndASecondSaveIsRefused() throws Exception {
		String callId = endedInboundCall("+1 415 555 0146");
		RemoteCalls.Hold slow = remote.holdNext("create");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<ApiClient.Response> first = pool.submit(() -> api().send(AGENT, "POST", "/api/calling/calls/" + callId + "/log", "{\"subject\":\"Slow\"}"));
			slow.awaitEntered();
			Future<Integer> otherWriter = pool.submit(() -> transactions.execute(s ->
					jdbc.sql("UPDATE calling_call SET remote_name = remote_name WHERE id = ?").param(callId).update()));
			assertThat(otherWriter.get(5, java.util.concurrent.TimeUnit.SECONDS)).as("not blocked by the save in flight").isEqualTo(1);
			assertThat(api().send(AGENT, "POST", "/api/calling/calls/" + callId + "/log", "{}").status()).as("a second save").isEqualTo(409);
			assertThat(api().send(AGENT, "DELETE", "/api/calling/drafts/" + callId, null).status()).as("a dismiss").isEqualTo(409);

			slow.release();
			ApiClient.Response logged = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(logged.status()).as(logged.body()).isEqualTo(201);
			assertThat(tasksOf(callId)).extracting(t -> t.get("Id")).containsExactly(logged.json().get("taskId").asString());
		}
		finally {
			slow.release();
			pool.shutdownNow();
		}
	}

	@Test
	@Order(18)
	void aChangeWhoseRenderingFailedStaysInTheRegistryAndIsNotifiedOnceWhenResubmitted() {
		Awaitility.await().atMost(WAIT).until(() -> stream.state().connected());
		String id = inSalesforce("Opportunity", Map.of("Name", "Retried deal", "StageName", "Prospecting", "CloseDate", "2026-12-31"));
		Awaitility.await().atMost(WAIT).until(() -> captured.of(id).size() == 1);
		String room = linkedSpace(id);
		remote.failNext("get", new IllegalStateException("Salesforce did not answer"));

		inSalesforceUpdate("Opportunity", id, Map.of("StageName", "Qualification"));
		Awaitility.await("the failed publication").atMost(WAIT).until(() -> unfinishedNotificationsOf(id) == 1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE record_id = ?").param(id).query(Integer.class).single()).isZero();
		assertThat(stream.state().lastReplayId()).as("the CDC batch committed all the same").isNotBlank();

		incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof RecordChanged change && change.recordId().equals(id));
		Awaitility.await("the bot's message").atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> botMessages(room).size() == 1);
		Awaitility.await().atMost(WAIT).until(() -> unfinishedNotificationsOf(id) == 0);
		incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof RecordChanged change && change.recordId().equals(id));
		Awaitility.await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> botMessages(room).size() == 1);
		assertThat(botMessages(room).get(0).text()).isEqualTo("Stage of Retried deal is now Qualification (was Prospecting)");
		assertThat(context.containsBean("applicationTaskExecutor")).as("Boot's executor still runs every other @Async").isTrue();
	}

	private int unfinishedNotificationsOf(String recordId) {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE '%RemoteChanges%' "
				+ "AND serialized_event LIKE ?").param("%" + recordId + "%").query(Integer.class).single();
	}

	private String endedInboundCall(String number) throws Exception {
		try (SseClient events = new SseClient(port, AGENT, "/api/calling/events")) {
			Awaitility.await().atMost(WAIT).until(() -> events.status() == 200);
			sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"" + number + "\"}");
			String callId = events.next(c -> c.get("state").asString().equals("alerting") && number.equals(c.get("remoteNumber").asString()), WAIT)
				.data().get("callId").asString();
			hangUp(callId);
			events.next(c -> c.get("callId").asString().equals(callId) && c.get("log").asString().equals("draft"), WAIT);
			return callId;
		}
	}

	private void hangUp(String callId) {
		assertThat(api().send(AGENT, "POST", "/api/calling/calls/" + callId + "/hangup", "{}").status()).isEqualTo(204);
	}

	private List<Map<String, Object>> tasksOf(String callId) {
		String webexCallId = jdbc.sql("SELECT webex_call_id FROM calling_call WHERE id = ?").param(callId).query(String.class).single();
		return org.store().all("Task").stream().filter(t -> webexCallId.equals(t.get("CallObject"))).toList();
	}

	@Test
	@Order(99)
	@DirtiesContext
	void aRevokedRefreshTokenDisconnectsCleanly() {
		String contact = inSalesforce("Contact", Map.of("LastName", "Revoked"));
		org.revokeRefreshTokens();

		assertThatThrownBy(() -> records.get("Contact", contact, List.of("LastName"))).isInstanceOfSatisfying(CrmException.class,
				e -> assertThat(e.refusal()).isEqualTo(Refusal.UNAVAILABLE)).hasMessageContaining("Reconnect");
		Map<String, Object> status = this.status.status();
		assertThat(status).containsEntry("state", "disconnected").containsEntry("connected", false);
		assertThat(status.get("problem").toString()).contains("invalid_grant");
		assertThat(connection.connected()).isFalse();
	}

	/** Someone changes the record in Salesforce (no API client name, so CDC is the only way the server hears of it). */
	private void inSalesforceUpdate(String object, String id, Map<String, Object> values) {
		org.store().transaction(org.integrationUserId(), w -> {
			w.update(org.store().schema().require(object), id, JSON.valueToTree(values));
			return null;
		});
	}

	private void rule(String name, String template) {
		String body = "{\"name\":\"" + name + "\",\"object\":\"Opportunity\",\"trackedFields\":[\"StageName\"],\"template\":\"" + template
				+ "\",\"active\":true}";
		ApiClient.Response created = api().send(ApiClient.ADMIN, "POST", "/api/admin/notifications/rules", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	private String linkedSpace(String recordId) {
		String room = webex.createRoom(MEMBER_TOKEN, "Space for " + recordId).get("id").asString();
		String agent = records.findByField("User", "Username", AGENT).get(0).id();
		transactions.executeWithoutResult(s -> events.publishEvent(new SpaceLinked(UUID.randomUUID().toString(), "Opportunity", recordId,
				room, "Space for " + recordId, agent, java.time.Instant.now())));
		return room;
	}

	private List<WebexMessage> botMessages(String room) {
		return webex.allMessages(MEMBER_TOKEN, room).stream().filter(m -> BOT_EMAIL.equals(m.personEmail())).toList();
	}

	private String inSalesforce(String object, Map<String, Object> values) {
		return org.store().transaction(org.integrationUserId(), w -> w.create(org.store().schema().require(object), JSON.valueToTree(values)));
	}
}
