package org.switchboard.crm.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.switchboard.salesforce.sandbox.RunningSalesforce;
import dev.switchboard.salesforce.sandbox.SalesforceSandbox;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.switchboard.SwitchboardApplication;
import org.switchboard.crm.ChangeStreamStatus;
import org.switchboard.crm.CrmRecords;
import org.switchboard.messaging.SpaceLinked;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedDefault;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexMessage;

import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13's end to end in Salesforce mode across a restart: stage changes made straight in the Salesforce double
 * reach the record's Webex space as the bot's messages through Change Data Capture; the server is stopped mid-stream
 * (changes keep happening in Salesforce) and started again on the same database and the same org, and every change
 * is notified exactly once. The double outlives the two application contexts (it is handed to them as a bean).
 */
class SalesforceRestartTests {

	private static final Duration WAIT = Duration.ofSeconds(30);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String BOT_TOKEN = "c2FuZGJveC10b2tlbi1ib3Q_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee";
	private static final String BOT_EMAIL = "switchboard-bot@webex.bot";
	private static final String MEMBER_TOKEN = "c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee";

	@TempDir
	Path data;

	private final int port = EmbeddedDefault.freePort();
	private final int webexPort = EmbeddedDefault.freePort();
	private final RunningSalesforce org = start();

	private static RunningSalesforce start() {
		try {
			return SalesforceSandbox.start(SalesforceSandbox.Options.defaults());
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@AfterEach
	void closeTheOrg() {
		org.close();
	}

	@Test
	void stageChangesMadeInSalesforceReachTheSpaceThroughCdcAndARestartMidStreamLosesAndRepeatsNone() {
		String id;
		try (ConfigurableApplicationContext first = server()) {
			ApiClient api = new ApiClient(port);
			assertThat(api.send(ApiClient.ADMIN, "PUT", "/api/admin/notifications/bot", "{\"accessToken\":\"" + BOT_TOKEN + "\"}").status())
				.isEqualTo(200);
			ApiClient.Response rule = api.send(ApiClient.ADMIN, "POST", "/api/admin/notifications/rules", "{\"name\":\"Stages\",\"object\":"
					+ "\"Opportunity\",\"trackedFields\":[\"StageName\"],\"template\":\"[[Name]]: [[prior:StageName]] to [[StageName]]\",\"active\":true}");
			assertThat(rule.status()).as(rule.body()).isEqualTo(201);
			ChangeStreamStatus stream = first.getBean(ChangeStreamStatus.class);
			Awaitility.await().atMost(WAIT).until(() -> stream.state().connected());

			id = inSalesforce(Map.of("Name", "Restart deal", "StageName", "Prospecting", "CloseDate", "2026-12-31"));
			Awaitility.await().atMost(WAIT).until(() -> stream.state().eventsReceived() >= 1);
			String room = linkedSpace(first, id);
			stage(id, "Qualification");

			Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> botMessages(first, room).size() >= 1);
			assertThat(botMessages(first, room)).extracting(WebexMessage::text).containsExactly("Restart deal: Prospecting to Qualification");
		}

		stage(id, "Proposal/Price Quote");
		stage(id, "Negotiation/Review");

		try (ConfigurableApplicationContext second = server()) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			Awaitility.await().atMost(WAIT).until(() -> texts(jdbc, id).size() >= 3);
			stage(id, "Closed Won");
			Awaitility.await().atMost(WAIT).until(() -> texts(jdbc, id).size() >= 4);
			Awaitility.await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> texts(jdbc, id).size() == 4);
			// One row per change, each with its own prior; [[StageName]] is the record's value when the engine renders it (the
			// engine reads current values through the CRM port), so the change made while down to Proposal reads "… to Negotiation".
			assertThat(texts(jdbc, id)).containsExactly("Restart deal: Prospecting to Qualification",
					"Restart deal: Qualification to Negotiation/Review", "Restart deal: Proposal/Price Quote to Negotiation/Review",
					"Restart deal: Negotiation/Review to Closed Won");
			assertThat(second.getBean(ChangeStreamStatus.class).state().connected()).isTrue();
		}
	}

	private ConfigurableApplicationContext server() {
		return new SpringApplicationBuilder(SwitchboardApplication.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("externalSalesforce", org))
			.run("--server.port=" + port,
					"--spring.datasource.url=jdbc:h2:file:" + data.resolve("switchboard")
							+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
					"--switchboard.secrets.key-file=" + data.resolve("secret.key"),
					"--switchboard.webex.sandbox.enabled=true",
					"--switchboard.webex.sandbox.port=" + webexPort,
					"--switchboard.webex.base-url=http://localhost:" + webexPort + "/v1",
					"--switchboard.embedded.notifications=false",
					"--switchboard.notifications.idle-poll=200ms",
					"--switchboard.crm=salesforce",
					"--switchboard.salesforce.sandbox.enabled=true",
					"--switchboard.salesforce.pubsub.min-backoff=100ms",
					"--switchboard.salesforce.pubsub.max-backoff=500ms");
	}

	private String inSalesforce(Map<String, Object> values) {
		return org.store().transaction(org.integrationUserId(), w -> w.create(org.store().schema().require("Opportunity"), JSON.valueToTree(values)));
	}

	/** Someone moves the deal in Salesforce: no API client name, so only CDC tells the server. */
	private void stage(String id, String stage) {
		org.store().transaction(org.integrationUserId(), w -> {
			w.update(org.store().schema().require("Opportunity"), id, JSON.valueToTree(Map.of("StageName", stage)));
			return null;
		});
	}

	private static String linkedSpace(ConfigurableApplicationContext context, String recordId) {
		WebexClient webex = context.getBean(WebexClient.class);
		String room = webex.createRoom(MEMBER_TOKEN, "Space for " + recordId).get("id").asString();
		String agent = context.getBean(CrmRecords.class).findByField("User", "Username", ApiClient.AGENT).get(0).id();
		context.getBean(TransactionTemplate.class).executeWithoutResult(s -> context
			.publishEvent(new SpaceLinked(UUID.randomUUID().toString(), "Opportunity", recordId, room, "Space for " + recordId, agent,
					Instant.now())));
		return room;
	}

	private static List<WebexMessage> botMessages(ConfigurableApplicationContext context, String room) {
		return context.getBean(WebexClient.class).allMessages(MEMBER_TOKEN, room).stream().filter(m -> BOT_EMAIL.equals(m.personEmail())).toList();
	}

	/** The notifications queued for the record, oldest first (the Webex sandbox is fresh after a restart: rows are the record). */
	private static List<String> texts(JdbcClient jdbc, String recordId) {
		return jdbc.sql("SELECT text FROM notification_delivery WHERE record_id = ? ORDER BY id").param(recordId).query(String.class).list();
	}
}
