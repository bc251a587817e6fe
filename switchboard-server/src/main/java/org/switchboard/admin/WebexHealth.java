package org.switchboard.admin;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The Webex connection in {@code /actuator/health} and its readiness group, from the last periodic check: DOWN when
 * Webex rejected the registered token or did not answer, UP otherwise (also before anyone registered). Never calls Webex,
 * so a health probe costs no Webex request and cannot hang on one.
 */
@Component("webex")
class WebexHealth implements HealthIndicator {

	private final Integration integration;

	WebexHealth(Integration integration) {
		this.integration = integration;
	}

	@Override
	public Health health() {
		WebexConnection connection = integration.lastCheck();
		Health.Builder health = connection.state().healthy() ? Health.up() : Health.down();
		health.withDetail("state", connection.state().name());
		if (connection.checkedAt() != null) {
			health.withDetail("checkedAt", connection.checkedAt().toString());
		}
		return health.build();
	}
}
