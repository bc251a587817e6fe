package dev.switchboard.sandbox.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts events to webhook target URLs over HTTP with Webex's envelope and {@code X-Spark-Signature}
 * (HMAC-SHA1 hex of the exact body bytes). A failed delivery is retried with backoff; after
 * {@link #FAILURES_BEFORE_INACTIVE} consecutive failures the webhook becomes {@code inactive}, as in Webex.
 * Deliveries of one webhook go out in order.
 */
public class WebhookDispatcher implements AutoCloseable {

	static final int FAILURES_BEFORE_INACTIVE = 5;
	private static final int ATTEMPTS = 3;
	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "sandbox-webhooks");
		thread.setDaemon(true);
		return thread;
	});
	private final Duration retryDelay;

	public WebhookDispatcher(Duration retryDelay) {
		this.retryDelay = retryDelay;
	}

	void deliver(Webhook webhook, String resource, String event, String actorId, Map<String, Object> data) {
		byte[] body = JSON.writeValueAsBytes(envelope(webhook, resource, event, actorId, data));
		executor.execute(() -> attempt(webhook, body, 1));
	}

	private void attempt(Webhook webhook, byte[] body, int attempt) {
		if (!"active".equals(webhook.status)) {
			return;
		}
		if (send(webhook, body)) {
			webhook.failures.set(0);
			return;
		}
		if (webhook.failures.incrementAndGet() >= FAILURES_BEFORE_INACTIVE) {
			webhook.status = "inactive";
			log.info("Webhook {} is now inactive after {} failed deliveries", webhook.id, FAILURES_BEFORE_INACTIVE);
			return;
		}
		if (attempt < ATTEMPTS) {
			executor.schedule(() -> attempt(webhook, body, attempt + 1), retryDelay.toMillis() * attempt, TimeUnit.MILLISECONDS);
		}
	}

	private boolean send(Webhook webhook, byte[] body) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhook.targetUrl)).timeout(Duration.ofSeconds(5))
				.header("Content-Type", "application/json").header("User-Agent", "Webex Sandbox Webhooks")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			if (webhook.secret != null) {
				request.header("X-Spark-Signature", sign(webhook.secret, body));
			}
			int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			return status >= 200 && status < 300;
		}
		catch (Exception e) {
			if (e instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return false;
		}
	}

	static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Map<String, Object> envelope(Webhook w, String resource, String event, String actorId, Map<String, Object> data) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		envelope.put("id", w.id);
		envelope.put("name", w.name);
		envelope.put("targetUrl", w.targetUrl);
		envelope.put("resource", resource);
		envelope.put("event", event);
		if (w.filter != null) {
			envelope.put("filter", w.filter);
		}
		envelope.put("orgId", w.orgId);
		envelope.put("createdBy", w.ownerPersonId);
		envelope.put("appId", Webhooks.APP_ID);
		envelope.put("ownedBy", w.ownedBy);
		envelope.put("status", w.status);
		envelope.put("created", w.created);
		envelope.put("actorId", actorId);
		envelope.put("data", data);
		return envelope;
	}

	@Override
	public void close() {
		executor.shutdownNow();
	}
}
