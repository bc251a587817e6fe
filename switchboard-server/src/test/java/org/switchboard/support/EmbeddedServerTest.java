package org.switchboard.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded default in one test context shared by its subclasses: server on H2 with demo data, the sandbox on
 * a free port, users linked and webhooks registered, every call between them over real HTTP.
 */
// The sandbox's bot and example rule would post into every test's opportunity spaces; tests that want them say so.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "switchboard.embedded.notifications=false")
public abstract class EmbeddedServerTest {

	protected static final int SANDBOX_PORT = EmbeddedDefault.freePort();
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void embeddedDefault(DynamicPropertyRegistry registry) {
		EmbeddedDefault.register(registry, SANDBOX_PORT);
	}

	protected ApiClient api() {
		return new ApiClient(port);
	}

	/** POSTs JSON to the sandbox's own control endpoints (/sandbox/...), returning the JSON answer. */
	protected static JsonNode sandbox(String path, String json) {
		return sandboxAt(SANDBOX_PORT, path, json);
	}

	/** As {@link #sandbox}, for a context with a sandbox of its own on {@code sandboxPort}. */
	public static JsonNode sandboxAt(int sandboxPort, String path, String json) {
		return sandboxAt(sandboxPort, "POST", path, json);
	}

	/** Another method than POST to the sandbox's control endpoints (PUT and DELETE of /sandbox/faults). */
	protected static JsonNode sandbox(String method, String path, String json) {
		return sandboxAt(SANDBOX_PORT, method, path, json);
	}

	private static JsonNode sandboxAt(int sandboxPort, String method, String path, String json) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
					URI.create("http://localhost:" + sandboxPort + path))
				.header("Content-Type", "application/json")
				.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException("Sandbox " + path + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
