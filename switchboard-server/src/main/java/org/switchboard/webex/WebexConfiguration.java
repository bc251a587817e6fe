package org.switchboard.webex;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.switchboard.webex.client.WebexHttp;

import io.micrometer.core.instrument.MeterRegistry;

import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebexProperties.class)
class WebexConfiguration {

	@Bean
	WebexHttp webexHttp(WebexProperties properties, JsonMapper json, Clock clock, MeterRegistry meters) {
		return new WebexHttp(properties, json, clock, duration -> Thread.sleep(duration.toMillis()), meters);
	}

	@Bean
	WebexClient webexClient(WebexHttp http) {
		return new WebexClient(http);
	}
}
