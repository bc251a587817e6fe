package org.switchboard.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running server's API over real HTTP, as a script or acceptance check would. */
public final class ApiClient {

	public static final String ADMIN = "admin@switchboard.test";
	public static final String AGENT = "agent@switchboard.test";
	public static final String VIEWER = "viewer@switchboard.test";
	public static final String PASSWORD = "switchboard";

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private final HttpClient http = HttpClient.newHttpClient();
	private final String baseUrl;

	public ApiClient(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	public Response get(String user, String path) {
		return send(user, "GET", path, null);
	}

	public Response send(String user, String method, String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (user != null) {
			String credentials = user + ":" + PASSWORD;
			request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return JSON.readTree(body);
		}
	}
}
