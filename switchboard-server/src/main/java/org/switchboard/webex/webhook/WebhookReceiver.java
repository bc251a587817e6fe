package org.switchboard.webex.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.platform.web.PublicEndpoint;
import org.switchboard.webex.WebexWebhooks;
import org.switchboard.webex.WebexWebhooks.StoredSecret;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /webhooks/webex}: verifies the signature over the raw bytes, stores the delivery and publishes
 * its typed event in one transaction, and only then answers 2xx ({@code stored}, or {@code failed} for a dead
 * letter, see {@link DeliveryProcessing}). A redelivery is acknowledged without effect.
 */
@RestController
@PublicEndpoint
class WebhookReceiver {

	static final int MAX_BODY_BYTES = 1024 * 1024;
	/** Log context keys: the Webex webhook a delivery is for, and our id of the stored delivery. */
	static final String WEBHOOK_ID = "webex.webhook_id";
	static final String DELIVERY_ID = "webex.delivery_id";
	private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

	private final WebexWebhooks webhooks;
	private final DeliveryProcessing processing;
	private final JsonMapper json;
	private final MeterRegistry meters;
	private static final Duration SECRET_CACHE = Duration.ofMinutes(5);
	private final Map<String, Cached> secrets = new ConcurrentHashMap<>();
	private final Clock clock;

	WebhookReceiver(WebexWebhooks webhooks, DeliveryProcessing processing, JsonMapper json, MeterRegistry meters, Clock clock) {
		this.clock = clock;
		this.webhooks = webhooks;
		this.processing = processing;
		this.json = json;
		this.meters = meters;
	}

	/** Counts each delivery by outcome; its webhook id and, once stored, delivery id are in the log context. */
	@PostMapping("/webhooks/webex")
	ResponseEntity<Map<String, Object>> receive(HttpServletRequest request) throws IOException {
		String outcome = "error";
		try {
			ResponseEntity<Map<String, Object>> response = handle(request);
			outcome = String.valueOf(response.getBody().get("status"));
			return response;
		}
		catch (ProblemException e) {
			outcome = switch (e.refusal()) {
				case INVALID -> "malformed";
				case NOT_AUTHENTICATED -> "bad_signature";
				case NOT_FOUND -> "unknown_webhook";
				case TOO_LARGE -> "too_large";
				default -> "rejected";
			};
			throw e;
		}
		finally {
			MDC.remove(WEBHOOK_ID);
			MDC.remove(DELIVERY_ID);
			Counter.builder("switchboard.webhooks.deliveries")
				.description("Webex webhook deliveries received, by outcome (stored, duplicate, bad_signature, unknown_webhook, malformed, too_large, error)")
				.tag("outcome", outcome)
				.register(meters)
				.increment();
		}
	}

	private ResponseEntity<Map<String, Object>> handle(HttpServletRequest request) throws IOException {
		byte[] body = readBounded(request);
		JsonNode envelope = parse(body);
		String webhookId = envelope.path("id").asString("");
		MDC.put(WEBHOOK_ID, webhookId);
		String signature = request.getHeader("X-Spark-Signature");
		StoredSecret registered = secretOf(webhookId);
		boolean verified = Signatures.verify(registered.secret(), body, signature);
		if (!verified) {
			// Rotated since it was cached (here or on another replica), or signed with the previous secret during the
			// overlap after a rotation: decided on what is stored now.
			secrets.remove(webhookId);
			registered = secretOf(webhookId);
			verified = signedWithAnyOf(registered, body, signature);
		}
		if (!verified) {
			log.warn("Rejected a delivery for webhook {} with a missing or wrong signature", webhookId);
			throw new ProblemException(Refusal.NOT_AUTHENTICATED, "Bad signature", "X-Spark-Signature is missing or does not match the body");
		}
		String resource = envelope.path("resource").asString("");
		String event = envelope.path("event").asString("");
		checkKnown(registered, resource, event);
		DeliveryProcessing.Outcome outcome = processing.receive(webhookId, resource, event, body, envelope,
				registered.ownerPersonId());
		return ResponseEntity.ok(Map.of("status", outcome.name().toLowerCase(java.util.Locale.ROOT)));
	}

	private boolean signedWithAnyOf(StoredSecret registered, byte[] body, String signature) {
		return registered.acceptedAt(clock.instant()).stream().anyMatch(secret -> Signatures.verify(secret, body, signature));
	}

	/** The webhook's secrets, cached for a few minutes so that a secret rotated on another replica is not trusted for long. */
	private StoredSecret secretOf(String webhookId) {
		Instant now = clock.instant();
		Cached cached = secrets.get(webhookId);
		if (cached != null && cached.readAt().isAfter(now.minus(SECRET_CACHE))) {
			return cached.secret();
		}
		StoredSecret found = webhooks.secretOf(webhookId)
			.orElseThrow(() -> ProblemException.notFound("No webhook '" + webhookId + "' is registered with Switchboard"));
		secrets.put(webhookId, new Cached(found, now));
		return found;
	}

	private record Cached(StoredSecret secret, Instant readAt) {
	}

	private static void checkKnown(StoredSecret registered, String resource, String event) {
		if (!EventTranslator.RESOURCES.contains(resource) || !EventTranslator.EVENTS.contains(event)) {
			throw ProblemException.badRequest("Unknown resource or event '" + resource + "/" + event + "'");
		}
		if (!registered.resource().equals(resource) && !registered.resource().equals("all")) {
			throw ProblemException.badRequest("The webhook was registered for '" + registered.resource() + "', not '" + resource + "'");
		}
	}

	private JsonNode parse(byte[] body) {
		try {
			JsonNode envelope = json.readTree(body);
			if (envelope == null || !envelope.isObject()) {
				throw ProblemException.badRequest("A webhook delivery must be a JSON object");
			}
			return envelope;
		}
		catch (JacksonException e) {
			throw ProblemException.badRequest("The delivery is not valid JSON");
		}
	}

	private static byte[] readBounded(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
			if (body.length > MAX_BODY_BYTES) {
				throw tooLarge();
			}
			return body;
		}
	}

	private static ProblemException tooLarge() {
		return new ProblemException(Refusal.TOO_LARGE, "Payload too large", "A webhook delivery may be at most 1 MB");
	}
}
