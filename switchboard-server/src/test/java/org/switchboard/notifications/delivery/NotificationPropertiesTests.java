package org.switchboard.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.switchboard.webex.WebexProperties;

class NotificationPropertiesTests {

	private final Binder defaults = new Binder(new MapConfigurationPropertySource(Map.of()));

	@Test
	void theDefaultLeaseOutlastsTheLongestWebexCallTheDefaultClientCanMake() {
		WebexProperties webex = defaults.bindOrCreate("switchboard.webex", WebexProperties.class);
		NotificationProperties notifications = defaults.bindOrCreate("switchboard.notifications", NotificationProperties.class);

		Duration oneRequest = webex.connectTimeout().plus(webex.readTimeout());
		Duration longestCall = oneRequest.multipliedBy(webex.maxAttempts()).plus(webex.maxRetryAfter().multipliedBy(webex.maxAttempts() - 1));

		assertThat(longestCall).isEqualTo(Duration.ofSeconds(320));
		assertThat(notifications.lease()).isGreaterThan(longestCall);
	}
}
