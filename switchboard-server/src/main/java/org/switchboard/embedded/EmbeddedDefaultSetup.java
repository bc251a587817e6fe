package org.switchboard.embedded;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
import org.switchboard.webex.WebhookReconciler;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * After the demo data exists: creates a Webex integration at the sandbox and enters it in the settings, signs every
 * CRM user whose email a sandbox person has in to Webex through the sandbox's OAuth pages (which also creates their
 * webhooks), and registers the integration with the first admin's token; registers the
 * sandbox's bot for space notifications with an example rule (unless {@code switchboard.embedded.notifications=false});
 * with the demo data, makes the demo webinars at the sandbox ({@link DemoWebinars}).
 * A restart on a sandbox that kept its state ({@code switchboard.webex.sandbox.state-file}) finds the users still signed
 * in and checks their webhooks; on a fresh sandbox it signs them in again; nothing else is repeated. While a remote CRM has no
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
	private final WebhookReconciler reconciler;

	EmbeddedDefaultSetup(RunningSandbox sandbox, CrmRecords records, WebexAccounts accounts, Integration integration,
			StarterNotifications notifications, Environment environment, WebexSignIn signIn, AdminSettings settings, JsonMapper json,
			CrmConnections connections, WebhookReconciler reconciler) {
		this.connections = connections;
		this.reconciler = reconciler;
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
		// The demo webinars are the sandbox's own work: made beside the sign-ins, and waited for before ready.
		CompletableFuture<Void> webinars = demoWebinars();
		ensureIntegration();
		boolean orgConnected = !connections.awaitingOrg();
		if (!orgConnected) {
			log.warn("No CRM org is connected: the Webex sandbox's users are not signed in to Webex and no example rule is made; "
					+ "restart after connecting the org");
		}
		if (orgConnected) {
			signInDemoUsers();
		}
		if (integration.registration().isEmpty()) {
			sandbox.people().stream().filter(p -> p.email().startsWith("admin@")).findFirst()
				.ifPresent(admin -> integration.register(admin.token(), "embedded default"));
		}
		if (orgConnected && environment.getProperty("switchboard.embedded.notifications", Boolean.class, true)) {
			sandbox.people().stream().filter(p -> "bot".equals(p.type())).findFirst()
				.ifPresent(bot -> notifications.ensureBot(bot.token(), "embedded default"));
			notifications.ensureExampleRule("embedded default");
		}
		try {
			webinars.join();
		}
		catch (CompletionException e) {
			throw e.getCause() instanceof RuntimeException cause ? cause : e;
		}
		log.info("Webex sandbox at {} — {} users signed in to Webex, integration registered: {}", sandbox.baseUrl(),
				accounts.all().size(), integration.registration().isPresent());
	}

	/**
	 * A sandbox that kept its state under ./data (as Webex keeps ours when we restart) still knows the integration; one
	 * that starts empty gets it anew, and the settings the new client id and secret.
	 */
	private void ensureIntegration() {
		if (!sandboxSignIn.knowsIntegration(currentClientId())) {
			SandboxSignIn.Credentials credentials = sandboxSignIn.createIntegration();
			ObjectNode integrationSettings = json.createObjectNode().put("clientId", credentials.clientId())
				.put("clientSecret", credentials.clientSecret());
			settings.replace(WebexIntegrationSettings.SECTION, integrationSettings, "embedded default");
		}
	}

	/**
	 * Each demo user whose stored sign-in Webex no longer accepts (every one, on a sandbox that forgot its state) signs in
	 * again through the sandbox's pages, as a person would in a browser, which also sets up their webhooks. The webhooks
	 * of sign-ins kept from the last start are checked now, as a fresh sign-in's are, so ready still means calls and
	 * messages reach the demo users (a changed server port, for one, moves them here).
	 */
	private void signInDemoUsers() {
		boolean keptSignIns = false;
		for (Person person : sandbox.people()) {
			if (!"person".equals(person.type())) {
				continue;
			}
			Optional<String> user = records.findByField("User", "Username", person.email()).stream().findFirst().map(CrmRecord::id);
			if (user.isPresent() && accounts.verify(user.get())) {
				keptSignIns = true;
			}
			else {
				user.ifPresent(userId -> sandboxSignIn.signIn(userId, person.email()));
			}
		}
		if (keptSignIns) {
			reconciler.reconcileAll();
		}
	}

	private CompletableFuture<Void> demoWebinars() {
		int demoRegistrants = environment.getProperty("switchboard.demo.webinar-registrants", Integer.class, 0);
		if (!environment.getProperty("switchboard.demo.enabled", Boolean.class, true) || demoRegistrants <= 0) {
			return CompletableFuture.completedFuture(null);
		}
		return CompletableFuture.runAsync(() -> new DemoWebinars(sandbox, json).create(demoRegistrants));
	}

	private String currentClientId() {
		return settings.section(WebexIntegrationSettings.SECTION) instanceof WebexIntegrationSettings current ? current.clientId() : null;
	}
}
