package org.switchboard.crm.salesforce;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import org.switchboard.crm.CrmException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the org's REST API at the pinned version with the session's token. A {@code 401 INVALID_SESSION_ID} is
 * refreshed once through the session and the call repeated; 503s, {@code REQUEST_LIMIT_EXCEEDED} and
 * {@code UNABLE_TO_LOCK_ROW} are retried with backoff (Failsafe) and, if they persist, end as a
 * {@link SalesforceApiException} the adapter turns into a clear 503. The last {@code Sforce-Limit-Info} is kept.
 */
class SalesforceApi {

	static final String VERSION = "v66.0";

	private final SalesforceSession session;
	private final HttpClient http;
	private final JsonMapper json;
	private final String clientName;
	private final RetryPolicy<HttpResponse<String>> retry;
	private volatile String limitInfo;

	/** @param clientName sent as {@code Sforce-Call-Options: client=…} on every call, so change events name it as their origin */
	SalesforceApi(SalesforceSession session, HttpClient http, JsonMapper json, Duration firstBackoff, String clientName) {
		this.clientName = clientName;
		this.session = session;
		this.http = http;
		this.json = json;
		this.retry = RetryPolicy.<HttpResponse<String>>builder().handle(IOException.class)
			.handleResultIf(r -> r.statusCode() >= 400 && errorOf(r).transientFailure())
			.withBackoff(firstBackoff, firstBackoff.multipliedBy(10)).withMaxRetries(3).build();
	}

	JsonMapper json() {
		return json;
	}

	String limitInfo() {
		return limitInfo;
	}

	/** GET a path under {@code /services/data/v66.0} (or a full {@code /services/data/…} path such as a nextRecordsUrl). */
	JsonNode get(String path) {
		return body(call("GET", path, null, Map.of()));
	}

	/** GET a text answer (a Bulk job's result CSV). */
	String getText(String path) {
		String body = call("GET", path, null, Map.of("Accept", "text/csv")).body();
		return body == null ? "" : body;
	}

	/** PUT a CSV body (a Bulk job's data). */
	void putCsv(String path, String csv) {
		call("PUT", path, csv, Map.of("Content-Type", "text/csv"));
	}

	/** A describe-style GET with {@code If-Modified-Since}: null when Salesforce answers 304 Not Modified. */
	Conditional getIfModifiedSince(String path, String since) {
		HttpResponse<String> response = call("GET", path, null, since == null ? Map.of() : Map.of("If-Modified-Since", since));
		return response.statusCode() == 304 ? null
				: new Conditional(body(response), response.headers().firstValue("Last-Modified").orElse(null));
	}

	/** A body with the Last-Modified date that came with it. */
	record Conditional(JsonNode body, String lastModified) {
	}

	JsonNode post(String path, Object body) {
		return body(call("POST", path, json.writeValueAsString(body), Map.of()));
	}

	JsonNode patch(String path, Object body) {
		return body(call("PATCH", path, json.writeValueAsString(body), Map.of()));
	}

	/** A PATCH with {@code If-Unmodified-Since}: Salesforce answers 412 if the record changed after that HTTP date. */
	JsonNode patchIfUnmodifiedSince(String path, Object body, String httpDate) {
		return body(call("PATCH", path, json.writeValueAsString(body), Map.of("If-Unmodified-Since", httpDate)));
	}

	JsonNode delete(String path) {
		return body(call("DELETE", path, null, Map.of()));
	}

	private JsonNode body(HttpResponse<String> response) {
		return response.body() == null || response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
	}

	private HttpResponse<String> call(String method, String path, String body, Map<String, String> headers) {
		String token = session.accessToken();
		HttpResponse<String> response = send(method, path, body, token, headers);
		if (response.statusCode() == 401) {
			session.refreshAfterUnauthenticated(token);
			response = send(method, path, body, session.accessToken(), headers);
		}
		response.headers().firstValue("Sforce-Limit-Info").ifPresent(v -> limitInfo = v);
		if (response.statusCode() >= 400) {
			throw errorOf(response);
		}
		return response;
	}

	private HttpResponse<String> send(String method, String path, String body, String token, Map<String, String> headers) {
		String url = session.instanceUrl() + (path.startsWith("/services/") ? path : "/services/data/" + VERSION + path);
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
		Map<String, String> all = new java.util.HashMap<>(Map.of("Accept", "application/json", "Content-Type", "application/json"));
		all.putAll(headers);
		all.forEach(builder::header);
		HttpRequest request = builder.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + token).header("Sforce-Call-Options", "client=" + clientName)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
		try {
			return Failsafe.with(retry).get(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
		}
		catch (FailsafeException e) {
			if (e.getCause() instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw CrmException.unavailable("Salesforce unreachable", "Salesforce could not be reached at " + session.instanceUrl()
					+ " (" + (e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName()) + ")");
		}
	}

	private SalesforceApiException errorOf(HttpResponse<String> response) {
		List<SalesforceApiException.Error> errors = new ArrayList<>();
		try {
			JsonNode body = response.body() == null || response.body().isBlank() ? null : json.readTree(response.body());
			if (body != null && body.isArray()) {
				body.forEach(e -> errors.add(error(e)));
			}
		}
		catch (RuntimeException notJson) {
			// an HTML error page from a proxy: the status alone speaks
		}
		return new SalesforceApiException(response.statusCode(), errors);
	}

	static SalesforceApiException.Error error(JsonNode e) {
		List<String> fields = new ArrayList<>();
		e.path("fields").forEach(f -> fields.add(f.asString()));
		String code = e.path("errorCode").asString(e.path("statusCode").asString("UNKNOWN"));
		return new SalesforceApiException.Error(code, e.path("message").asString(""), fields);
	}
}
