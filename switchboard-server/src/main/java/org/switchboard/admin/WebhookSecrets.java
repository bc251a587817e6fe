package org.switchboard.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.switchboard.webex.WebhookSecretRotation;
import org.switchboard.webex.WebhookSecretRotation.Outcome;

/** An admin's request to rotate every webhook's secret (console and API), audited; no secret is ever in the answer. */
@Service
public class WebhookSecrets {

	private final WebhookSecretRotation rotation;
	private final AuditLog audit;

	WebhookSecrets(WebhookSecretRotation rotation, AuditLog audit) {
		this.rotation = rotation;
		this.audit = audit;
	}

	public Map<String, Object> rotate(String actor) {
		Outcome outcome = rotation.rotateAll();
		audit.record(actor, "webhooks.rotateSecrets", "webex", null, outcome.rotated() + " rotated, " + outcome.failed().size() + " not rotated");
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("rotated", outcome.rotated());
		answer.put("notRotated", outcome.failed());
		return answer;
	}

	/** The outcome in one sentence, for the console. */
	public static String sentence(Map<String, Object> answer) {
		List<?> failed = (List<?>) answer.get("notRotated");
		return "Webhook secrets rotated: " + answer.get("rotated") + (failed.isEmpty() ? "." : "; not rotated: " + failed.stream()
			.map(f -> (WebhookSecretRotation.Failure) f).map(f -> (f.resource() == null ? "" : f.resource() + " webhook: ") + f.reason())
			.reduce((a, b) -> a + "; " + b).orElse(""));
	}
}
