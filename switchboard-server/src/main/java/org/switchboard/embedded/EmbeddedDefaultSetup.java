package org.switchboard.embedded;

import java.util.List;
import java.util.Map;

import dev.switchboard.sandbox.RunningSandbox;
import dev.switchboard.sandbox.people.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.switchboard.admin.AdminSettings;
import org.switchboard.admin.Integration;
import org.switchboard.crm.CrmConnections;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.notifications.StarterNotifications;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexIntegrationSettings;
import org.switchboard.webex.WebexSignIn;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * After the demo data exists: creates a Webex integration at the sandbox and enters it in the settings, signs every
 * CRM user whose email a sandbox person has in to Webex through the sandbox's OAuth pages (which also creates their
 * webhooks), and registers the integration with the first admin's token; registers the
 * sandbox's bot for space notifications with an example rule (unless {@code switchboard.embedded.notifications=false});
 * with the demo data, makes the demo webinars at the sandbox ({@link DemoWebinars}).
 * A restart finds a fresh sandbox and signs the users in again; nothing else is repeated. While a remote CRM has no
 * org connected (a fresh install on Salesforce, ADR 0031) the users cannot be read: the sign-ins and the example rule
 * wait for a start after the org is connected.
 */
class EmbeddedDefaultSetup implements ApplicationRunner, Ordered {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDefaultSetup.class);

	private final RunningSandbox sandbox;
	private final CrmRecords records;
	private final WebexAccounts accounts;
	private final Integration integration;
	private final StarterNotifications notifications;
	private final Environment environment;
	private final SandboxSignIn sandboxSignIn;
	private final AdminSettings settings;
	private final JsonMapper json;
	private final CrmConnections connections;

	EmbeddedDefaultSetup(RunningSandbox sandbox, CrmRecords records, WebexAccounts accounts, Integration integration,
			StarterNotifications notifications, Environment environment, WebexSignIn signIn, AdminSettings settings, JsonMapper json,
			CrmConnections connections) {
		this.connections = connections;
		this.sandboxSignIn = new SandboxSignIn(sandbox, signIn, json);
		this.settings = settings;
		this.json = json;
		this.sandbox = sandbox;
		this.records = records;
		this.accounts = accounts;
		this.integration = integration;
		this.notifications = notifications;
		this.environment = environment;
	}

	@Override
	public int getOrder() {
		return 10;
	}

	@Override
	public void run(ApplicationArguments args) {
		// The sandbox starts empty each time: it gets the integration anew, and users whose stored sign-in it does not
		// know (every user after a restart) sign in again through its pages, as a person would in a browser.
		SandboxSignIn.Credentials credentials = sandboxSignIn.createIntegration();
		ObjectNode integrationSettings = json.createObjectNode().put("clientId", credentials.clientId()).put("clientSecret", credentials.clientSecret());
		settings.replace(WebexIntegrationSettings.SECTION, integrationSettings, "embedded default");
		boolean orgConnected = !connections.awaitingOrg();
		if (!orgConnected) {
			log.warn("No CRM org is connected: the Webex sandbox's users are not signed in to Webex and no example rule is made; "
					+ "restart after connecting the org");
		}
		for (Person person : orgConnected ? sandbox.people() : List.<Person>of()) {
			if (!"person".equals(person.type())) {
				continue;
			}
			records.findByField("User", "Username", person.email()).stream().findFirst().map(CrmRecord::id)
				.filter(userId -> !accounts.verify(userId))
				.ifPresent(userId -> sandboxSignIn.signIn(userId, person.email()));
		}
		if (!Boolean.TRUE.equals(integration.status().get("registered"))) {
			sandbox.people().stream().filter(p -> p.email().startsWith("admin@")).findFirst()
				.ifPresent(admin -> integration.register(admin.token(), "embedded default"));
		}
		if (orgConnected && environment.getProperty("switchboard.embedded.notifications", Boolean.class, true)) {
			sandbox.people().stream().filter(p -> "bot".equals(p.type())).findFirst()
				.ifPresent(bot -> notifications.ensureBot(bot.token(), "embedded default"));
			notifications.ensureExampleRule("embedded default");
		}
		int demoRegistrants = environment.getProperty("switchboard.demo.webinar-registrants", Integer.class, 0);
		if (environment.getProperty("switchboard.demo.enabled", Boolean.class, true) && demoRegistrants > 0) {
			new DemoWebinars(sandbox, json).create(demoRegistrants);
		}
		Map<String, Object> status = integration.status();
		log.info("Webex sandbox at {} — {} users signed in to Webex through its sign-in pages, integration registered: {}", sandbox.baseUrl(),
				status.get("linkedUsers"), status.get("registered"));
	}
}
