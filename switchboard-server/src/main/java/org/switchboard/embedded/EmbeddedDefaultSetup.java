package org.switchboard.embedded;

import java.util.Map;

import dev.switchboard.sandbox.RunningSandbox;
import dev.switchboard.sandbox.people.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.switchboard.admin.Integration;
import org.switchboard.crm.CrmRecord;
import org.switchboard.crm.CrmRecords;
import org.switchboard.notifications.StarterNotifications;
import org.switchboard.webex.WebexAccounts;

/**
 * After the demo data exists: links every CRM user whose email a sandbox person has, registers the
 * integration with the first admin's token, and creates the webhooks pointing back at this server; registers the
 * sandbox's bot for space notifications with an example rule (unless {@code switchboard.embedded.notifications=false}).
 * Idempotent, so a restart changes nothing that is already in place.
 */
class EmbeddedDefaultSetup implements ApplicationRunner, Ordered {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDefaultSetup.class);

	private final RunningSandbox sandbox;
	private final CrmRecords records;
	private final WebexAccounts accounts;
	private final Integration integration;
	private final StarterNotifications notifications;
	private final Environment environment;

	EmbeddedDefaultSetup(RunningSandbox sandbox, CrmRecords records, WebexAccounts accounts, Integration integration,
			StarterNotifications notifications, Environment environment) {
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
		for (Person person : sandbox.people()) {
			records.findByField("User", "Username", person.email()).stream().findFirst().map(CrmRecord::id)
				.filter(userId -> accounts.forUser(userId).isEmpty())
				.ifPresent(userId -> accounts.link(userId, person.token()));
		}
		if (!Boolean.TRUE.equals(integration.status().get("registered"))) {
			sandbox.people().stream().filter(p -> p.email().startsWith("admin@")).findFirst()
				.ifPresent(admin -> integration.register(admin.token(), "embedded default"));
		}
		if (environment.getProperty("switchboard.embedded.notifications", Boolean.class, true)) {
			sandbox.people().stream().filter(p -> "bot".equals(p.type())).findFirst()
				.ifPresent(bot -> notifications.ensureBot(bot.token(), "embedded default"));
			notifications.ensureExampleRule("embedded default");
		}
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		int created = integration.createSite("embedded default", "http://localhost:" + port).size();
		Map<String, Object> status = integration.status();
		log.info("Webex sandbox at {} — {} users linked, integration registered: {}, {} new webhooks", sandbox.baseUrl(),
				status.get("linkedUsers"), status.get("registered"), created);
	}
}
