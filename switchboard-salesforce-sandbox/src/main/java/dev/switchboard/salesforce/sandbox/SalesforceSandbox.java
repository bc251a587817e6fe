package dev.switchboard.salesforce.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.salesforce.pubsub.PubSubDouble;
import dev.switchboard.salesforce.sandbox.api.Apis;
import dev.switchboard.salesforce.sandbox.api.OrgGuard;
import dev.switchboard.salesforce.sandbox.api.UiEdits;
import dev.switchboard.salesforce.sandbox.http.Reply;
import dev.switchboard.salesforce.sandbox.http.Routes;
import dev.switchboard.salesforce.sandbox.oauth.OAuthServer;
import dev.switchboard.salesforce.sandbox.records.Ids;
import dev.switchboard.salesforce.sandbox.records.RecordStore;
import dev.switchboard.salesforce.sandbox.schema.Schema;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local Salesforce org for tests and the demo: OAuth (web-server flow with PKCE), the REST resources the
 * Switchboard adapter uses, Bulk API 2.0 ingest, limits, and {@code /sandbox} endpoints to inject faults.
 * Start it embedded with {@link #start(Options)} or standalone with {@code java -cp … SalesforceSandbox [port]}.
 */
public final class SalesforceSandbox {

	public static final String API_VERSION = "66.0";
	/** The password every user of the double signs in with on its login page (the demo users' password). */
	public static final String USER_PASSWORD = "switchboard";

	private SalesforceSandbox() {
	}

	/**
	 * Port (0 = any free one), the credentials of the one External Client App the org knows, and the port of its
	 * Pub/Sub API (Change Data Capture; 0 = any free one).
	 */
	public record Options(int port, String clientId, String clientSecret, int pubSubPort) {

		public static Options defaults() {
			return new Options(0, "3MVG9sandbox.switchboard.client", "sandbox-client-secret-" + Long.toHexString(System.nanoTime()), 0);
		}

		public Options withPort(int value) {
			return new Options(value, clientId, clientSecret, pubSubPort);
		}

		public Options withPubSubPort(int value) {
			return new Options(port, clientId, clientSecret, value);
		}
	}

	public static RunningSalesforce start(Options options) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 0);
		String baseUrl = "http://localhost:" + server.getAddress().getPort();
		RecordStore store = new RecordStore(new Schema());
		String orgId = new Ids().next("00D");
		OAuthServer.OrgUser user = integrationUser(store);
		OAuthServer oauth = new OAuthServer(options.clientId(), options.clientSecret(), orgId, user, baseUrl, store, USER_PASSWORD);
		OrgGuard guard = new OrgGuard(oauth);
		Routes routes = new Routes();
		ExecutorService bulkWorker = Executors.newSingleThreadExecutor(daemon("salesforce-sandbox-bulk"));
		oauth.routes(routes);
		Apis.routes(routes, store, oauth, guard, baseUrl, bulkWorker);
		UiEdits.routes(routes, store, user.id());
		routes.on("GET", "/sandbox/?", null, call -> Reply.ok(Map.of("name", "Switchboard Salesforce sandbox", "instanceUrl", baseUrl,
				"apiVersion", API_VERSION)));
		server.createContext("/", routes);
		ExecutorService executor = Executors.newFixedThreadPool(16, daemon("salesforce-sandbox-http"));
		server.setExecutor(executor);
		PubSubDouble bus = new PubSubDouble(options.pubSubPort(), baseUrl, orgId);
		bus.validateTokensWith(token -> oauth.session(token).isPresent());
		store.onChange(bus::publish);
		bus.start();
		server.start();
		return new RunningSalesforce(baseUrl, orgId, user.id(), options, store, oauth, guard, routes, bus, () -> {
			server.stop(0);
			bus.close();
			executor.shutdownNow();
			bulkWorker.shutdownNow();
		});
	}

	private static OAuthServer.OrgUser integrationUser(RecordStore store) {
		JsonMapper json = JsonMapper.builder().build();
		String username = "integration@switchboard-sandbox.example";
		String id = store.transaction(null, w -> {
			String profile = w.create(store.schema().require("Profile"), json.createObjectNode().put("Name", "System Administrator"));
			return w.create(store.schema().require("User"), json.createObjectNode().put("Username", username)
				.put("Email", username).put("FirstName", "Switchboard").put("LastName", "Integration").put("ProfileId", profile));
		});
		return new OAuthServer.OrgUser(id, username, "Switchboard Integration", username);
	}

	private static java.util.concurrent.ThreadFactory daemon(String name) {
		return r -> {
			Thread thread = new Thread(r, name);
			thread.setDaemon(true);
			return thread;
		};
	}

	public static void main(String[] args) throws IOException {
		int port = args.length > 0 ? Integer.parseInt(args[0]) : 8095;
		RunningSalesforce org = start(Options.defaults().withPort(port));
		System.out.println("Salesforce sandbox at " + org.baseUrl() + " (Pub/Sub on port " + org.changeEvents().port() + ") — client id " + org.clientId() + ", client secret " + org.clientSecret());
	}
}
