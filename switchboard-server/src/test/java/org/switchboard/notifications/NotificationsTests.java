package org.switchboard.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.crm.CrmRecords;
import org.switchboard.crm.FieldChange;
import org.switchboard.crm.RecordChanged;
import org.switchboard.messaging.SpaceLinked;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.support.EmbeddedDefault;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexMessage;

import tools.jackson.databind.JsonNode;

/**
 * Space notifications end to end: the API over real HTTP, record changes through the CRM API, the bot's messages
 * posted to the sandbox over HTTP and counted there with a room member's token. The embedded default with quick
 * retries is a context of its own, so it starts its sandbox on a port of its own (the shared context keeps
 * {@link EmbeddedServerTest}'s port busy while this one runs).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NotificationsTests {

	private static final String ADMIN = ApiClient.ADMIN;
	private static final String BOT_EMAIL = "switchboard-bot@webex.bot";
	private static final String MEMBER_TOKEN = "c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee";
	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final int SANDBOX_PORT = EmbeddedDefault.freePort();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WebexClient webex;

	@Autowired
	CrmRecords records;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@DynamicPropertySource
	static void embeddedDefaultWithQuickRetries(DynamicPropertyRegistry registry) {
		EmbeddedDefault.register(registry, SANDBOX_PORT);
		registry.add("switchboard.embedded.notifications", () -> "false");
		registry.add("switchboard.notifications.initial-backoff", () -> "100ms");
		registry.add("switchboard.notifications.max-backoff", () -> "400ms");
		registry.add("switchboard.notifications.max-attempts", () -> "10");
		registry.add("switchboard.notifications.idle-poll", () -> "200ms");
	}

	@BeforeEach
	void registerTheBot() {
		assertThat(send("PUT", "/api/admin/notifications/bot", "{\"accessToken\":\"c2FuZGJveC10b2tlbi1ib3Q_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee\"}").status()).isEqualTo(200);
	}

	@AfterEach
	void cleanUp() throws Exception {
		faults("DELETE", null);
		jdbc.sql("DELETE FROM notification_rule").update();
		jdbc.sql("UPDATE notification_rule_version SET version = version + 1").update();
	}

	@Test
	void aTrackedStageChangeIsPostedByTheBotWithCurrentPriorAndRelatedValues() {
		String opportunity = opportunity("Okafor Freight renewal", "Prospecting");
		String room = linkedSpace(opportunity);
		rule("Stage changes", "Stage of [[Name]] is now [[StageName]] (was [[prior:StageName]]; owner profile: [[Owner.Profile.Name]])", true);
		String profile = api().get(ADMIN, "/api/records/Opportunity/" + opportunity + "?fields=Owner.Profile.Name").json()
			.get("fields").get("Owner.Profile.Name").asString();

		patch(opportunity, "{\"StageName\":\"Qualification\"}");

		List<WebexMessage> posted = awaitBotMessages(room, 1);
		assertThat(posted.get(0).text())
			.isEqualTo("Stage of Okafor Freight renewal is now Qualification (was Prospecting; owner profile: " + profile + ")");
		assertThat(profile).isNotBlank();
		JsonNode delivery = deliveries("sent").stream().filter(d -> d.get("recordId").asString().equals(opportunity)).findFirst().orElseThrow();
		assertThat(delivery.get("messageId").asString()).isEqualTo(posted.get(0).id());
		assertThat(delivery.get("ruleName").asString()).isEqualTo("Stage changes");
		assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
	}

	@Test
	void anUntrackedFieldChangeOrAnInactiveRuleQueuesNothing() {
		String opportunity = opportunity("Quiet deal", "Prospecting");
		linkedSpace(opportunity);
		rule("Stage changes", "[[Name]]: [[StageName]]", true);
		rule("Inactive amounts", "[[Name]] amount [[Amount]]", false);

		patch(opportunity, "{\"Amount\":12500}");

		assertThat(rowsFor(opportunity)).as("the engine runs in the writing transaction, so rows would exist already").isZero();

		patch(opportunity, "{\"StageName\":\"Qualification\"}");
		assertThat(rowsFor(opportunity)).isEqualTo(1);
	}

	@Test
	void underFortyPercentInjectedFaultsEveryChangeIsDeliveredExactlyOnce() throws Exception {
		String opportunity = opportunity("Stormy deal", "Prospecting");
		String room = linkedSpace(opportunity);
		rule("Stage changes", "[[Name]] step [[Amount]] is [[StageName]]", true);
		faults("PUT", "{\"rate\":0.4,\"statuses\":[429,503],\"retryAfterSeconds\":1}");

		String[] stages = { "Qualification", "Needs Analysis" };
		for (int i = 1; i <= 30; i++) {
			patch(opportunity, "{\"StageName\":\"" + stages[i % 2] + "\",\"Amount\":" + i + "}");
		}

		Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(250))
			.until(() -> count(opportunity, "sent") == 30 || count(opportunity, "failed") > 0);
		faults("DELETE", null);
		assertThat(count(opportunity, "failed")).isZero();
		List<String> texts = botMessages(room).stream().map(m -> m.text()).toList();
		assertThat(texts).hasSize(30).doesNotHaveDuplicates();
		for (int i = 1; i <= 30; i++) {
			assertThat(texts).contains("Stormy deal step " + i + " is " + stages[i % 2]);
		}
	}

	@Test
	void aDeliveryThatKeepsFailingIsDeadLetteredAndReplayDeliversIt() throws Exception {
		String opportunity = opportunity("Doomed deal", "Prospecting");
		String room = linkedSpace(opportunity);
		rule("Stage changes", "[[Name]] is [[StageName]]", true);
		faults("PUT", "{\"rate\":1.0,\"statuses\":[503]}");

		patch(opportunity, "{\"StageName\":\"Closed Lost\"}");

		Awaitility.await().atMost(WAIT).until(() -> count(opportunity, "failed") == 1);
		JsonNode failed = deliveries("failed").stream().filter(d -> d.get("recordId").asString().equals(opportunity)).findFirst().orElseThrow();
		assertThat(failed.get("attempts").asInt()).isEqualTo(10);
		assertThat(failed.get("lastError").asString()).contains("503");
		faults("DELETE", null);
		assertThat(botMessages(room)).isEmpty();

		ApiClient.Response replayed = send("POST", "/api/admin/notifications/deliveries/" + failed.get("id").asLong() + "/replay", null);
		assertThat(replayed.status()).isEqualTo(200);
		assertThat(replayed.json().get("status").asString()).isEqualTo("pending");
		assertThat(awaitBotMessages(room, 1).get(0).text()).isEqualTo("Doomed deal is Closed Lost");
		Awaitility.await().atMost(WAIT).until(() -> count(opportunity, "sent") == 1);

		ApiClient.Response again = send("POST", "/api/admin/notifications/deliveries/" + failed.get("id").asLong() + "/replay", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(botMessages(room)).hasSize(1);
	}

	@Test
	void oneChangeHandledTwiceIsQueuedOnce() {
		String opportunity = opportunity("Twice told", "Prospecting");
		linkedSpace(opportunity);
		rule("Stage changes", "[[Name]] is [[StageName]]", true);
		RecordChanged change = new RecordChanged("Opportunity", opportunity, RecordChanged.Kind.UPDATED,
				Map.of("StageName", new FieldChange("Prospecting", "Qualification")), null, Instant.now());

		transactions.executeWithoutResult(s -> events.publishEvent(change));
		transactions.executeWithoutResult(s -> events.publishEvent(change));

		assertThat(rowsFor(opportunity)).isEqualTo(1);
	}

	@Test
	void markupInAValueIsSentAsPlainTextAndEscapedInTheConsole() {
		String name = "<b>Bold</b> & *stars* <script>alert(1)</script>";
		String opportunity = opportunity(name, "Prospecting");
		String room = linkedSpace(opportunity);
		rule("Markup <i>rule</i>", "Now [[StageName]]: [[Name]]", true);

		patch(opportunity, "{\"StageName\":\"Qualification\"}");

		WebexMessage message = awaitBotMessages(room, 1).get(0);
		assertThat(message.text()).isEqualTo("Now Qualification: " + name);
		assertThat(message.markdown()).isNull();
		Awaitility.await().atMost(WAIT).until(() -> count(opportunity, "sent") == 1);
		String console = api().send(ADMIN, "GET", "/admin", null).body();
		assertThat(console).contains("Space notifications").contains("Markup &lt;i&gt;rule&lt;/i&gt;")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)").doesNotContain("<i>rule</i>");
	}

	@Test
	void aTemplateNamingAnUnknownFieldOrPathIsRefusedAndNothingIsSaved() {
		ApiClient.Response unknownField = send("POST", "/api/admin/notifications/rules",
				ruleJson("Bad", "Opportunity", "StageName", "[[Nmae]] is [[StageName]]", true));
		ApiClient.Response unknownPath = send("POST", "/api/admin/notifications/rules",
				ruleJson("Bad", "Opportunity", "StageName", "[[Owner.Profil.Name]]", true));
		ApiClient.Response priorOfPath = send("POST", "/api/admin/notifications/rules",
				ruleJson("Bad", "Opportunity", "StageName", "[[prior:Owner.Name]]", true));
		ApiClient.Response unclosed = send("POST", "/api/admin/notifications/rules",
				ruleJson("Bad", "Opportunity", "StageName", "Stage [[StageName", true));
		ApiClient.Response unknownTracked = send("POST", "/api/admin/notifications/rules",
				ruleJson("Bad", "Opportunity", "Stage", "[[StageName]]", true));
		ApiClient.Response unknownObject = send("POST", "/api/admin/notifications/rules",
				ruleJson("Bad", "Opportunityy", "StageName", "[[StageName]]", true));

		assertThat(unknownField.status()).isEqualTo(400);
		assertThat(unknownField.json().get("errors").get(0).get("field").asString()).isEqualTo("template");
		assertThat(unknownField.json().get("detail").asString()).contains("Nmae");
		assertThat(unknownPath.status()).isEqualTo(400);
		assertThat(unknownPath.json().get("detail").asString()).contains("Owner.Profil.Name");
		assertThat(priorOfPath.status()).isEqualTo(400);
		assertThat(priorOfPath.json().get("detail").asString()).contains("prior:Owner.Name");
		assertThat(unclosed.status()).isEqualTo(400);
		assertThat(unclosed.json().get("detail").asString()).contains("never closed");
		assertThat(unknownTracked.status()).isEqualTo(400);
		assertThat(unknownTracked.json().get("errors").get(0).get("field").asString()).isEqualTo("trackedFields");
		assertThat(unknownObject.status()).isEqualTo(400);
		assertThat(send("GET", "/api/admin/notifications/rules", null).json().get("rules")).isEmpty();
	}

	@Test
	void rulesAreListedReplacedAndDeletedAndEachChangeIsAudited() {
		String id = rule("Stage changes", "[[Name]] is [[StageName]]", true);

		ApiClient.Response replaced = send("PUT", "/api/admin/notifications/rules/" + id,
				ruleJson("Stage and amount", "Opportunity", "StageName\",\"amount", "[[name]] is [[stagename]] at [[Owner.Name]]", false));
		assertThat(replaced.status()).isEqualTo(200);
		JsonNode listed = send("GET", "/api/admin/notifications/rules", null).json().get("rules").get(0);
		assertThat(listed.get("name").asString()).isEqualTo("Stage and amount");
		assertThat(listed.get("trackedFields")).extracting(JsonNode::asString).containsExactly("StageName", "Amount");
		assertThat(listed.get("active").asBoolean()).isFalse();
		assertThat(send("PUT", "/api/admin/notifications/rules/" + id, ruleJson("x", "Opportunity", "StageName", "[[Nope]]", true)).status())
			.isEqualTo(400);
		assertThat(send("GET", "/api/admin/notifications/rules", null).json().get("rules").get(0).get("name").asString())
			.isEqualTo("Stage and amount");

		assertThat(send("DELETE", "/api/admin/notifications/rules/" + id, null).status()).isEqualTo(204);
		assertThat(send("DELETE", "/api/admin/notifications/rules/" + id, null).status()).isEqualTo(404);
		List<String> actions = jdbc.sql("SELECT action FROM audit_entry WHERE target = ? ORDER BY id").param(id).query(String.class).list();
		assertThat(actions).containsExactly("notifications.rule.create", "notifications.rule.update", "notifications.rule.delete");
	}

	@Test
	void previewRendersATemplateAgainstARealRecord() {
		String opportunity = opportunity("Preview deal", "Negotiation/Review");

		ApiClient.Response preview = send("POST", "/api/admin/notifications/rules/preview",
				"{\"object\":\"Opportunity\",\"recordId\":\"" + opportunity + "\",\"template\":\"[[Name]]: [[StageName]] (was [[prior:StageName]])\"}");
		ApiClient.Response bad = send("POST", "/api/admin/notifications/rules/preview",
				"{\"object\":\"Opportunity\",\"recordId\":\"" + opportunity + "\",\"template\":\"[[Owner.Nope]]\"}");

		assertThat(preview.status()).isEqualTo(200);
		assertThat(preview.json().get("text").asString()).isEqualTo("Preview deal: Negotiation/Review (was [prior StageName])");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("detail").asString()).contains("Owner.Nope");
	}

	@Test
	void onlyABotTokenIsAcceptedStoredEncryptedAndNeverShown() {
		ApiClient.Response person = send("PUT", "/api/admin/notifications/bot", "{\"accessToken\":\"c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee\"}");
		ApiClient.Response rejected = send("PUT", "/api/admin/notifications/bot", "{\"accessToken\":\"not-a-token\"}");
		ApiClient.Response status = send("GET", "/api/admin/notifications/bot", null);

		assertThat(person.status()).isEqualTo(400);
		assertThat(person.json().get("detail").asString()).contains("not a bot");
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.json().get("errors").get(0).get("message").asString()).isEqualTo("rejected by Webex");
		assertThat(status.json().get("bot").get("email").asString()).isEqualTo(BOT_EMAIL);
		assertThat(status.body()).doesNotContain("c2FuZGJveC10b2tlbi1ib3Q");
		assertThat(jdbc.sql("SELECT token_encrypted FROM notification_bot").query(String.class).single()).doesNotContain("c2FuZGJveC10b2tlbi1ib3Q");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'notifications.bot.register'").query(Long.class).single()).isPositive();

		assertThat(send("DELETE", "/api/admin/notifications/bot", null).status()).isEqualTo(204);
		assertThat(send("GET", "/api/admin/notifications/bot", null).json().get("registered").asBoolean()).isFalse();
	}

	@Test
	void aBotRegisteredAfterTheSpaceExistsJoinsBeforeItsFirstPost() {
		send("DELETE", "/api/admin/notifications/bot", null);
		String opportunity = opportunity("Late bot deal", "Prospecting");
		String room = linkedSpace(opportunity);
		rule("Stage changes", "[[Name]] is [[StageName]]", true);
		patch(opportunity, "{\"StageName\":\"Qualification\"}");
		assertThat(members(room)).doesNotContain(BOT_EMAIL);

		registerTheBot();

		assertThat(awaitBotMessages(room, 1).get(0).text()).isEqualTo("Late bot deal is Qualification");
		assertThat(members(room)).contains(BOT_EMAIL);
	}

	@Test
	void agentsAndViewersAreRefusedEveryNotificationsEndpoint() {
		String[][] endpoints = { { "GET", "/api/admin/notifications/bot" }, { "PUT", "/api/admin/notifications/bot" },
				{ "DELETE", "/api/admin/notifications/bot" }, { "GET", "/api/admin/notifications/rules" },
				{ "POST", "/api/admin/notifications/rules" }, { "PUT", "/api/admin/notifications/rules/x" },
				{ "DELETE", "/api/admin/notifications/rules/x" }, { "POST", "/api/admin/notifications/rules/preview" },
				{ "GET", "/api/admin/notifications/deliveries?status=failed" }, { "POST", "/api/admin/notifications/deliveries/1/replay" } };
		for (String user : new String[] { ApiClient.AGENT, ApiClient.VIEWER }) {
			for (String[] endpoint : endpoints) {
				String body = endpoint[0].equals("GET") || endpoint[0].equals("DELETE") ? null : "{}";
				assertThat(api().send(user, endpoint[0], endpoint[1], body).status()).as(user + " " + endpoint[0] + " " + endpoint[1]).isEqualTo(403);
			}
		}
		assertThat(api().send(null, "GET", "/api/admin/notifications/rules", null).status()).isEqualTo(401);
	}

	// --- helpers ---

	private String opportunity(String name, String stage) {
		String body = "{\"Name\":" + JsonText.quote(name) + ",\"StageName\":\"" + stage + "\",\"CloseDate\":\"2026-12-31\"}";
		ApiClient.Response created = send("POST", "/api/records/Opportunity", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	/** What messaging does when a user creates a space for a record: a room made with their token, then SpaceLinked. */
	private String linkedSpace(String recordId) {
		String room = webex.createRoom(MEMBER_TOKEN, "Space for " + recordId).get("id").asString();
		String agent = records.findByField("User", "Username", ApiClient.AGENT).get(0).id();
		transactions.executeWithoutResult(s -> events.publishEvent(new SpaceLinked(UUID.randomUUID().toString(), "Opportunity",
				recordId, room, "Space for " + recordId, agent, Instant.now())));
		return room;
	}

	private String rule(String name, String template, boolean active) {
		ApiClient.Response created = send("POST", "/api/admin/notifications/rules", ruleJson(name, "Opportunity", "StageName", template, active));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private static String ruleJson(String name, String object, String tracked, String template, boolean active) {
		return "{\"name\":" + JsonText.quote(name) + ",\"object\":\"" + object + "\",\"trackedFields\":[\"" + tracked + "\"],\"template\":"
				+ JsonText.quote(template) + ",\"active\":" + active + "}";
	}

	private void patch(String opportunity, String json) {
		ApiClient.Response patched = send("PATCH", "/api/records/Opportunity/" + opportunity, json);
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
	}

	private ApiClient api() {
		return new ApiClient(port);
	}

	private ApiClient.Response send(String method, String path, String json) {
		return api().send(ADMIN, method, path, json);
	}

	private List<JsonNode> deliveries(String status) {
		List<JsonNode> list = new java.util.ArrayList<>();
		send("GET", "/api/admin/notifications/deliveries?status=" + status, null).json().get("deliveries").forEach(list::add);
		return list;
	}

	private long count(String recordId, String status) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE record_id = ? AND status = ?").params(recordId, status)
			.query(Long.class).single();
	}

	private long rowsFor(String recordId) {
		return jdbc.sql("SELECT COUNT(*) FROM notification_delivery WHERE record_id = ?").param(recordId).query(Long.class).single();
	}

	private List<WebexMessage> awaitBotMessages(String room, int expected) {
		Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> botMessages(room).size() >= expected);
		return botMessages(room);
	}

	/** The bot's messages, read with a member's token (a bot sees group messages only when mentioned). */
	private List<WebexMessage> botMessages(String room) {
		return webex.allMessages(MEMBER_TOKEN, room).stream().filter(m -> BOT_EMAIL.equals(m.personEmail())).toList();
	}

	private List<String> members(String room) {
		return webex.memberships(MEMBER_TOKEN, room).stream().map(m -> m.path("personEmail").asString("")).toList();
	}

	private static void faults(String method, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + SANDBOX_PORT + "/sandbox/faults"))
			.header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isLessThan(300);
	}

	private static final class JsonText {

		static String quote(String text) {
			return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(text);
		}
	}
}
