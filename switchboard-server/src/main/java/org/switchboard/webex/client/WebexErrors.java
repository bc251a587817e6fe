package org.switchboard.webex.client;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.switchboard.webex.WebexApiException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Maps Webex's error body {@code {"message","errors":[{"description"}],"trackingId"}} to the exception family. */
final class WebexErrors {

	private WebexErrors() {
	}

	static WebexApiException from(WebexResponse response, JsonMapper json, Clock clock) {
		String message = null;
		List<String> errors = new ArrayList<>();
		String trackingId = response.trackingId();
		try {
			JsonNode body = response.body().length == 0 ? null : json.readTree(response.body());
			if (body != null && body.isObject()) {
				message = body.path("message").asString(null);
				body.path("errors").forEach(e -> errors.add(e.path("description").asString("")));
				trackingId = body.path("trackingId").asString(trackingId);
			}
		}
		catch (JacksonException notJson) {
			message = "(a body that is not JSON)";
		}
		return switch (response.status()) {
			case 0 -> new WebexApiException.Unreachable("Webex did not answer");
			case 401 -> new WebexApiException.Unauthorized(message, errors, trackingId);
			case 404 -> new WebexApiException.NotFound(message, errors, trackingId);
			case 429 -> new WebexApiException.RateLimited(message, errors, trackingId, RetryAfter.parse(
					response.headers().getFirst(HttpHeaders.RETRY_AFTER), java.time.Duration.ofSeconds(15), clock.instant()));
			default -> new WebexApiException(response.status(), message, errors, trackingId);
		};
	}
}
