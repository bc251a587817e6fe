package org.switchboard.operability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedDefault.MetricsScrape;
import org.switchboard.support.EmbeddedServerTest;
import org.switchboard.support.SseClient;
import org.switchboard.webex.WebexWebhooks;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.switchboard.sandbox.RunningSandbox;
import dev.switchboard.sandbox.people.Person;

/**
 * Runs the paths that handle tokens and secrets (registration, linking, webhooks, call control, spaces, the bot) with
 * every logger of ours at DEBUG, and fails if any line of the output names a sandbox token or a webhook secret. It
 * also checks that each Webex call's TrackingID and each webhook's delivery id are in the log context (MDC), which
 * the structured formats ({@code --logging.structured.format.console=ecs}) print as fields.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogsCarryNoSecretsTests extends EmbeddedServerTest {

	private static final Duration WAIT = Duration.ofSeconds(15);
	private static final String REJECTED_TOKEN = "rejected-token-that-must-not-be-logged-4711";

	@Autowired
	RunningSandbox sandbox;

	@Autowired
	WebexWebhooks webhooks;

	@Autowired
	JdbcClient jdbc;

	private final Logger ours = (Logger) LoggerFactory.getLogger("org.switchboard");
	private final Logger web = (Logger) LoggerFactory.getLogger("org.springframework.web");
	private final ListAppender<ILoggingEvent> events = new ListAppender<>();
	private Level oursBefore;
	private Level webBefore;

	@BeforeEach
	void everythingAtDebug() {
		oursBefore = ours.getLevel();
		webBefore = web.getLevel();
		ours.setLevel(Level.DEBUG);
		web.setLevel(Level.DEBUG);
		events.start();
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(events);
	}

	@AfterEach
	void levelsBack() {
		((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(events);
		ours.setLevel(oursBefore);
		web.setLevel(webBefore);
	}

	@Test
	void noLogLineNamesATokenOrSecretAndEachWebexCallAndWebhookIsInTheLogContext(CapturedOutput output) {
		String admin = sandbox.people().stream().filter(p -> p.email().startsWith("admin@")).findFirst().orElseThrow().token();
		assertThat(api().send(ApiClient.ADMIN, "POST", "/api/admin/integration/register", "{\"accessToken\":\"" + admin + "\"}").status()).isEqualTo(200);
		assertThat(api().send(ApiClient.ADMIN, "POST", "/api/admin/integration/register", "{\"accessToken\":\"" + REJECTED_TOKEN + "\"}").status()).isEqualTo(400);
		assertThat(api().send(ApiClient.ADMIN, "POST", "/api/admin/integration/register", "{\"accessToken\":\"" + admin + "\"}").status()).isEqualTo(200);
		String bot = sandbox.people().stream().filter(p -> "bot".equals(p.type())).findFirst().orElseThrow().token();
		assertThat(api().send(ApiClient.ADMIN, "PUT", "/api/admin/notifications/bot", "{\"accessToken\":\"" + bot + "\"}").status()).isEqualTo(200);
		api().send(ApiClient.ADMIN, "DELETE", "/api/admin/notifications/bot", null);

		try (SseClient calls = new SseClient(port, ApiClient.AGENT, "/api/calling/events")) {
			Awaitility.await().atMost(WAIT).until(() -> calls.status() == 200);
			sandbox("/sandbox/calls/inbound", "{\"toEmail\":\"agent@switchboard.test\",\"fromNumber\":\"+1 (415) 555-0177\"}");
			String callId = calls.next(c -> "alerting".equals(c.get("state").asString())
					&& "+1 (415) 555-0177".equals(c.get("remoteNumber").asString()), WAIT).data().get("callId").asString();
			assertThat(api().send(ApiClient.AGENT, "POST", "/api/calling/calls/" + callId + "/answer", "{}").status()).isEqualTo(204);
			assertThat(api().send(ApiClient.AGENT, "POST", "/api/calling/calls/" + callId + "/hangup", "{}").status()).isEqualTo(204);
			calls.next(c -> callId.equals(c.get("callId").asString()) && "disconnected".equals(c.get("state").asString()), WAIT);
		}
		String opportunity = api().send(ApiClient.ADMIN, "POST", "/api/records/Opportunity",
				"{\"Name\":\"Log scan\",\"StageName\":\"Prospecting\",\"CloseDate\":\"2027-01-31\"}").json().get("id").asString();
		ApiClient.Response space = api().send(ApiClient.ADMIN, "POST", "/api/records/Opportunity/" + opportunity + "/spaces", "{}");
		assertThat(space.status()).as(space.body()).isEqualTo(201);
		assertThat(api().send(ApiClient.ADMIN, "POST", "/api/spaces/" + space.json().get("spaceId").asString() + "/messages",
				"{\"text\":\"hello from the log scan\"}").status()).isEqualTo(201);

		Awaitility.await().atMost(WAIT).untilAsserted(() -> assertThat(events.list)
			.anyMatch(e -> e.getMDCPropertyMap().getOrDefault("webex.delivery_id", "").matches("\\d+")));
		assertThat(events.list).as("a Webex call logged with its TrackingID in the MDC")
			.anyMatch(e -> e.getMDCPropertyMap().getOrDefault("webex.tracking_id", "").startsWith("SWITCHBOARD_"));

		List<String> secrets = secrets();
		assertThat(secrets).hasSizeGreaterThan(3);
		String logged = output.getAll() + String.join("\n", events.list.stream().map(LogsCarryNoSecretsTests::everything).toList());
		assertThat(logged).as("the log output of this run").contains("/api/admin/integration/register");
		assertThat(linesNaming(logged, secrets)).as("log lines naming a token or secret (shown masked)").isEmpty();
	}

	/** The lines that contain a secret, with each secret masked so the failure does not repeat it. */
	private static List<String> linesNaming(String logged, List<String> secrets) {
		List<String> found = new ArrayList<>();
		for (String line : logged.split("\\R")) {
			String masked = line;
			for (int i = 0; i < secrets.size(); i++) {
				masked = masked.replace(secrets.get(i), "<secret #" + i + ">");
			}
			if (!masked.equals(line)) {
				found.add(masked);
			}
		}
		return found;
	}

	/** Every sandbox person's and bot's token, every webhook secret, the scrape password and the rejected token. */
	private List<String> secrets() {
		List<String> secrets = new ArrayList<>(sandbox.people().stream().map(Person::token).toList());
		jdbc.sql("SELECT id FROM webex_webhook").query(String.class).list()
			.forEach(id -> webhooks.secretOf(id).ifPresent(s -> secrets.add(s.secret())));
		secrets.add(MetricsScrape.PASSWORD);
		secrets.add(REJECTED_TOKEN);
		return secrets;
	}

	private static String everything(ILoggingEvent event) {
		return event.getFormattedMessage() + " " + event.getMDCPropertyMap()
				+ (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage());
	}
}
