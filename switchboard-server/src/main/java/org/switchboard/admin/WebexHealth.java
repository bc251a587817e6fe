package org.switchboard.admin;

import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} includes the Webex connection: DOWN when the registered token is rejected or Webex
 * does not answer, UP otherwise (also before anyone has registered, when there is nothing to check yet).
 */
@Component("webex")
class WebexHealth implements HealthIndicator {

	private final Integration integration;

	WebexHealth(Integration integration) {
		this.integration = integration;
	}

	@Override
	public Health health() {
		Map<String, Object> status = integration.status();
		if (!Boolean.TRUE.equals(status.get("registered"))) {
			return Health.up().withDetail("registered", false).build();
		}
		return Boolean.TRUE.equals(status.get("tokenValid")) ? Health.up().withDetail("registered", true).build()
				: Health.down().withDetail("reason", "Webex rejected the registered token or did not answer").build();
	}
}
