package org.switchboard.webex.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.switchboard.webex.WebexApiException;
import org.switchboard.platform.names.ApiNames;
import org.switchboard.webex.WebexProperties;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one Webex request with the rules every call shares: bearer token, a TrackingID of ours,
 * 429/423 waits honouring {@code Retry-After}, bounded exponential backoff on 502/503/504 for idempotent
 * requests, Link paging, and Webex's error body mapped to {@link WebexApiException}. Tokens are never logged.
 */
public class WebexHttp {

	private static final Logger log = LoggerFactory.getLogger(WebexHttp.class);
	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.HEAD);
	private static final Set<Integer> RETRY_LATER = Set.of(429, 423);
	private static final Set<Integer> GATEWAY_TROUBLE = Set.of(502, 503, 504);
	/** Log context key: the TrackingID of the Webex request under way (Webex support finds a request by it). */
	public static final String TRACKING_ID = "webex.tracking_id";

	private final WebexProperties properties;
	private final RestClient rest;
	private final JsonMapper json;
	private final Clock clock;
	private final Sleeper sleeper;
	private volatile TokenRenewal renewal = rejected -> java.util.Optional.empty();
	private final MeterRegistry meters;

	public WebexHttp(WebexProperties properties, JsonMapper json, Clock clock, Sleeper sleeper, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
		this.json = json;
		this.clock = clock;
		this.sleeper = sleeper;
		HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
		factory.setReadTimeout(properties.readTimeout());
		this.rest = RestClient.builder().requestFactory(factory).build();
	}

	public URI baseUrl() {
		return properties.baseUrl();
	}

	/** Sends a request and returns its JSON body (null for an empty body). */
	public JsonNode send(String token, HttpMethod method, URI uri, Object body) {
		WebexResponse response = exchange(token, method, uri, body);
		return response.body().length == 0 ? null : json.readTree(response.body());
	}

	/** Who renews a token Webex rejected with 401 (once per request; the request never ran, so repeating it is safe). */
	public void renewTokensWith(TokenRenewal renewal) {
		this.renewal = renewal;
	}

	public WebexResponse exchange(String token, HttpMethod method, URI uri, Object body) {
		requireSameOrigin(uri);
		boolean renewed = false;
		for (int attempt = 1;; attempt++) {
			WebexResponse response = attempt(token, method, uri, body, attempt);
			if (response.isSuccess()) {
				return response;
			}
			if (response.status() == 401 && !renewed) {
				renewed = true;
				java.util.Optional<String> fresh = renewal.renew(token);
				if (fresh.isPresent()) {
					token = fresh.get();
					continue;
				}
			}
			Duration wait = waitBeforeRetry(method, response, attempt);
			if (wait == null) {
				throw WebexErrors.from(response, json, clock);
			}
			log.info("Webex {} {} answered {} (TrackingID {}); retrying in {} ms", method, uri.getPath(),
					response.status(), response.trackingId(), wait.toMillis());
			Timer.builder("switchboard.webex.retry.waits")
				.description("Waits before retrying a Webex call (Retry-After on 429/423, backoff on 502/503/504)")
				.tags("endpoint", WebexEndpoints.of(uri), "status", Integer.toString(response.status()))
				.register(meters)
				.record(wait);
			sleep(wait);
		}
	}

	/**
	 * POSTs a form without a bearer token (OAuth's {@code /access_token}, where the client authenticates with its
	 * secret): one attempt, waiting only when Webex asks to with 429. The form is never logged.
	 */
	public JsonNode postForm(URI uri, MultiValueMap<String, String> form) {
		requireSameOrigin(uri);
		for (int attempt = 1;; attempt++) {
			WebexResponse response;
			try {
				response = rest.post().uri(uri).contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON)
					.header("TrackingID", "SWITCHBOARD_" + UUID.randomUUID()).body(form)
					.exchange((req, res) -> new WebexResponse(res.getStatusCode().value(), res.getHeaders(), res.getBody().readAllBytes()), true);
			}
			catch (ResourceAccessException e) {
				throw new WebexApiException.Unreachable("Webex at " + uri.getHost() + " did not answer: " + e.getMostSpecificCause().getMessage());
			}
			if (response.isSuccess()) {
				return json.readTree(response.body());
			}
			Duration wait = response.status() == 429 ? waitBeforeRetry(HttpMethod.POST, response, attempt) : null;
			if (wait == null) {
				throw WebexErrors.from(response, json, clock);
			}
			sleep(wait);
		}
	}

	/** Every item of a list endpoint, following {@code Link: rel="next"} to the end. */
	public List<JsonNode> listAll(String token, URI first) {
		List<JsonNode> items = new ArrayList<>();
		URI next = first;
		while (next != null) {
			WebexResponse page = exchange(token, HttpMethod.GET, next, null);
			JsonNode body = json.readTree(page.body());
			body.path("items").forEach(items::add);
			next = LinkHeader.next(page.headers().getOrEmpty(HttpHeaders.LINK)).orElse(null);
		}
		return items;
	}

	/** One request, timed by endpoint and status, with its TrackingID in the log context while it runs. */
	private WebexResponse attempt(String token, HttpMethod method, URI uri, Object body, int attempt) {
		String trackingId = "SWITCHBOARD_" + UUID.randomUUID();
		MDC.put(TRACKING_ID, trackingId);
		Timer.Sample sample = Timer.start(meters);
		String status = "0";
		try {
			WebexResponse response = send(token, method, uri, body, attempt, trackingId);
			status = Integer.toString(response.status());
			return response;
		}
		finally {
			sample.stop(Timer.builder("switchboard.webex.requests")
				.description("Calls to Webex by endpoint and HTTP status (0: no answer)")
				.tags("method", method.name(), "endpoint", WebexEndpoints.of(uri), "status", status)
				.register(meters));
			MDC.remove(TRACKING_ID);
		}
	}

	private WebexResponse send(String token, HttpMethod method, URI uri, Object body, int attempt, String trackingId) {
		try {
			RestClient.RequestBodySpec request = rest.method(method).uri(uri).headers(h -> {
				h.setBearerAuth(token);
				h.set("TrackingID", trackingId);
				h.setAccept(List.of(MediaType.APPLICATION_JSON));
			});
			if (body instanceof MultiValueMap<?, ?> multipart) {
				request.contentType(MediaType.MULTIPART_FORM_DATA).body(multipart);
			}
			else if (body != null) {
				request.contentType(MediaType.APPLICATION_JSON).body(json.writeValueAsBytes(body));
			}
			WebexResponse response = request.exchange((req, res) -> new WebexResponse(res.getStatusCode().value(),
					res.getHeaders(), res.getBody().readAllBytes()), true);
			log.debug("Webex {} {} → {} (our TrackingID {}, Webex's {})", method, uri.getPath(), response.status(),
					trackingId, response.trackingId());
			return response;
		}
		catch (ResourceAccessException e) {
			if (IDEMPOTENT.contains(method) && attempt < properties.maxAttempts()) {
				return WebexResponse.unreachable();
			}
			throw new WebexApiException.Unreachable("Webex at " + uri.getHost() + " did not answer: " + e.getMostSpecificCause().getMessage());
		}
	}

	private Duration waitBeforeRetry(HttpMethod method, WebexResponse response, int attempt) {
		if (attempt >= properties.maxAttempts()) {
			return null;
		}
		if (RETRY_LATER.contains(response.status())) {
			Duration wait = RetryAfter.parse(response.headers().getFirst(HttpHeaders.RETRY_AFTER),
					properties.rateLimitFallback(), clock.instant());
			return wait.compareTo(properties.maxRetryAfter()) > 0 ? null : wait;
		}
		if ((GATEWAY_TROUBLE.contains(response.status()) || response.status() == 0) && IDEMPOTENT.contains(method)) {
			long base = properties.initialBackoff().toMillis() << (attempt - 1);
			long capped = Math.min(base, properties.maxBackoff().toMillis());
			return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
		}
		return null;
	}

	/** Never send a token to a host other than the configured Webex, whatever a Link header says. */
	private void requireSameOrigin(URI uri) {
		URI base = properties.baseUrl();
		boolean same = ApiNames.equalsIgnoreAsciiCase(base.getScheme(), uri.getScheme())
				&& ApiNames.equalsIgnoreAsciiCase(base.getHost(), uri.getHost())
				&& base.getPort() == uri.getPort();
		if (!same) {
			throw new IllegalArgumentException("Refusing to send a Webex token to " + uri.getScheme() + "://" + uri.getHost());
		}
	}

	private void sleep(Duration wait) {
		try {
			sleeper.sleep(wait);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new WebexApiException.Unreachable("Interrupted while waiting to retry");
		}
	}

	/** Gives a fresh token for one Webex rejected, when the token's owner can still be signed in without them. */
	public interface TokenRenewal {

		java.util.Optional<String> renew(String rejectedToken);
	}

	/** Waits between attempts; tests replace it to run without real delays. */
	public interface Sleeper {

		void sleep(Duration duration) throws InterruptedException;
	}
}
