package dev.switchboard.sandbox.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.switchboard.sandbox.http.ApiError;
import dev.switchboard.sandbox.http.Request;
import dev.switchboard.sandbox.http.Response;
import dev.switchboard.sandbox.http.Router;

import tools.jackson.databind.JsonNode;

/** {@code PUT /sandbox/faults}: fails a share of {@code /v1} calls with chosen statuses (429 with Retry-After). */
public class Faults implements Router.Filter {

	private volatile Setting setting = Setting.OFF;

	public void routes(Router router) {
		router.on("PUT", "/sandbox/faults", this::set)
			.on("GET", "/sandbox/faults", r -> Response.ok(setting.toJson()))
			.on("DELETE", "/sandbox/faults", r -> {
				setting = Setting.OFF;
				return Response.noContent();
			});
	}

	@Override
	public void before(Request request) {
		Setting s = setting;
		if (!request.uri().getPath().startsWith("/v1/") || !s.applies(request) || !s.strikes()) {
			return;
		}
		int status = s.statuses().get(ThreadLocalRandom.current().nextInt(s.statuses().size()));
		ApiError error = new ApiError(status, status == 429 ? "Too Many Requests" : "Service Unavailable (injected fault)");
		throw status == 429 || (status == 503 && s.retryAfterAsked()) ? error.withHeader("Retry-After", s.retryAfter()) : error;
	}

	private Response set(Request request) {
		JsonNode body = request.json();
		double rate = body.path("rate").asDouble(-1);
		if (rate < 0 || rate > 1) {
			throw ApiError.badRequest("rate must be between 0 and 1");
		}
		List<Integer> statuses = new java.util.ArrayList<>();
		body.path("statuses").forEach(s -> statuses.add(s.asInt()));
		if (statuses.isEmpty() || statuses.stream().anyMatch(s -> s < 400 || s > 599)) {
			throw ApiError.badRequest("statuses must list HTTP error statuses such as 429 and 503");
		}
		String retryAfter = body.hasNonNull("retryAfterHeader") ? body.path("retryAfterHeader").asString()
				: String.valueOf(Math.max(0, body.path("retryAfterSeconds").asInt(1)));
		boolean asked = body.hasNonNull("retryAfterHeader") || body.hasNonNull("retryAfterSeconds");
		int count = body.path("count").asInt(-1);
		setting = new Setting(rate, List.copyOf(statuses), retryAfter, asked, new java.util.concurrent.atomic.AtomicInteger(count),
				body.path("method").asString(null), body.path("path").asString(null));
		return Response.ok(setting.toJson());
	}

	/**
	 * @param retryAfter the Retry-After header value, normally seconds; any text can be set to test clients
	 * @param retryAfterAsked whether the setting named a Retry-After: 429 always sends one, 503 only then
	 * @param remaining with {@code count}, only the next N matching calls fail (deterministic tests); -1 for no limit
	 * @param method with {@code method}, only calls of that HTTP method fail; null for any
	 * @param path with {@code path}, only calls to exactly that path fail (e.g. {@code /v1/webhooks}); null for any
	 */
	private record Setting(double rate, List<Integer> statuses, String retryAfter, boolean retryAfterAsked,
			java.util.concurrent.atomic.AtomicInteger remaining, String method, String path) {

		static final Setting OFF = new Setting(0, List.of(503), "1", false, new java.util.concurrent.atomic.AtomicInteger(-1), null, null);

		boolean applies(Request request) {
			return (method == null || method.equalsIgnoreCase(request.method())) && (path == null || path.equals(request.uri().getPath()));
		}

		boolean strikes() {
			if (rate <= 0 || ThreadLocalRandom.current().nextDouble() >= rate) {
				return false;
			}
			return remaining.get() < 0 || remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
		}

		Map<String, Object> toJson() {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("rate", rate);
			json.put("statuses", statuses);
			json.put("retryAfter", retryAfter);
			json.put("remaining", remaining.get());
			json.put("method", method);
			json.put("path", path);
			return json;
		}
	}
}
