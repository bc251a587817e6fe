package dev.switchboard.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.sandbox.calls.Calls;
import dev.switchboard.sandbox.faults.Faults;
import dev.switchboard.sandbox.http.Response;
import dev.switchboard.sandbox.http.Router;
import dev.switchboard.sandbox.meetings.Meetings;
import dev.switchboard.sandbox.oauth.OAuth;
import dev.switchboard.sandbox.people.People;
import dev.switchboard.sandbox.people.Person;
import dev.switchboard.sandbox.spaces.Spaces;
import dev.switchboard.sandbox.webhooks.WebhookDispatcher;
import dev.switchboard.sandbox.webhooks.Webhooks;

/**
 * A stateful local Webex: the REST paths and JSON of the real API under {@code /v1}, signed webhook
 * deliveries, and {@code /sandbox} endpoints that play the other side (ring a person, answer, hang up,
 * inject faults). Start it embedded with {@link #start(SandboxOptions)} or standalone with {@code java -jar}
 * ({@code --port=}, {@code --state-file=} to keep integrations, grants and webhooks across its restarts).
 */
public final class WebexSandbox {

	/** Webex's id of the "Full administrator" org role, as {@code roles} in a person lists it. */
	public static final String FULL_ADMIN_ROLE = WebexIds.of("ROLE", "id_full_admin");

	private WebexSandbox() {
	}

	public static RunningSandbox start(SandboxOptions options) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", options.port()), 0);
		String baseUrl = "http://localhost:" + server.getAddress().getPort();
		List<Person> people = options.people().stream().map(WebexSandbox::person).toList();
		People directory = new People(people);
		Faults faults = new Faults();
		WebhookDispatcher dispatcher = new WebhookDispatcher(options.webhookRetryDelay());
		Webhooks webhooks = new Webhooks(directory, dispatcher);
		Calls calls = new Calls(directory, webhooks, options.remoteAnswerDelay(), options.clock());
		Spaces spaces = new Spaces(directory, webhooks);
		Meetings meetings = new Meetings(directory, webhooks);
		OAuth oauth = new OAuth(directory, options.accessTokenLifetime(), options.refreshTokenLifetime(), options.clock());
		directory.acceptIssuedTokens(oauth::personFor);
		StateFile state = options.stateFile() == null ? null : new StateFile(options.stateFile(), oauth, webhooks);
		if (state != null) {
			state.load();
			oauth.onChange(state::save);
			webhooks.onChange(state::save);
		}
		Router router = new Router().filter(directory).filter(faults);
		directory.routes(router);
		oauth.routes(router);
		faults.routes(router);
		webhooks.routes(router);
		calls.routes(router);
		spaces.routes(router);
		meetings.routes(router);
		router.on("POST", "/sandbox/reset", r -> {
			webhooks.clear();
			calls.clear();
			spaces.clear();
			meetings.clear();
			return Response.noContent();
		});
		router.on("GET", "/sandbox", r -> Response.ok(Map.of("name", "Switchboard Webex sandbox", "api", baseUrl + "/v1")));
		server.createContext("/", router);
		ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
			Thread thread = new Thread(r, "sandbox-http");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		server.start();
		return new RunningSandbox(baseUrl, people, () -> {
			server.stop(0);
			executor.shutdownNow();
			dispatcher.close();
			if (state != null) {
				state.save();
			}
		});
	}

	public static void main(String[] args) throws IOException {
		SandboxOptions options = SandboxOptions.defaults();
		for (String arg : args) {
			if (arg.startsWith("--port=")) {
				options = options.withPort(Integer.parseInt(arg.substring("--port=".length())));
			}
			if (arg.startsWith("--state-file=")) {
				options = options.withStateFile(java.nio.file.Path.of(arg.substring("--state-file=".length())));
			}
		}
		RunningSandbox sandbox = start(options);
		System.out.println("Webex sandbox at " + sandbox.baseUrl() + "/v1 — people and tokens: " + sandbox.baseUrl() + "/sandbox/people");
		sandbox.people().forEach(p -> System.out.println("  " + p.email() + "  token " + p.token()));
	}

	private static Person person(SeedPerson seed) {
		String org = WebexIds.of("ORGANIZATION", SeedPerson.ORG_UUID);
		String id = WebexIds.of("PEOPLE", java.util.UUID.nameUUIDFromBytes(seed.email().getBytes()).toString());
		List<String> roles = seed.orgAdmin() ? List.of(FULL_ADMIN_ROLE) : List.of();
		return new Person(id, seed.email(), seed.displayName(), seed.firstName(), seed.lastName(), seed.type(), seed.token(),
				seed.phoneNumber(), seed.extension(), org, "2026-01-01T00:00:00.000Z", roles);
	}
}
