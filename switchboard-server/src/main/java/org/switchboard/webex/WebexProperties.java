package org.switchboard.webex;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Webex is and how patiently to talk to it. The real Webex and the sandbox differ only in {@code baseUrl}.
 *
 * @param baseUrl the API root, e.g. {@code https://webexapis.com/v1} or the sandbox's {@code http://localhost:8090/v1}
 * @param maxAttempts attempts per request, counting the first
 * @param rateLimitFallback the wait when a 429 carries no usable Retry-After
 * @param maxRetryAfter the longest wait honoured before giving up with {@link WebexApiException.RateLimited}
 */
@ConfigurationProperties("switchboard.webex")
public record WebexProperties(@DefaultValue("http://localhost:8090/v1") URI baseUrl,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
		@DefaultValue("4") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
		@DefaultValue("5s") Duration maxBackoff, @DefaultValue("15s") Duration rateLimitFallback,
		@DefaultValue("60s") Duration maxRetryAfter) {
}
