package dev.switchboard.sandbox;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to a running sandbox over real HTTP. */
final class SandboxClient {

	static final JsonMapper JSON = JsonMapper.builder().build();
	private final HttpClient http = HttpClient.newHttpClient();
	private final String baseUrl;

	SandboxClient(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	String baseUrl() {
		return baseUrl;
	}

	HttpResponse<String> call(String token, String method, String pathOrUrl, String json, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl))
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	JsonNode json(String token, String method, String path, String json) throws Exception {
		return JSON.readTree(call(token, method, path, json).body());
	}
}
