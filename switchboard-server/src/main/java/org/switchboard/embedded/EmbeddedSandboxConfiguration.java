package org.switchboard.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import dev.switchboard.sandbox.RunningSandbox;
import dev.switchboard.sandbox.SandboxOptions;
import dev.switchboard.sandbox.SandboxTime;
import dev.switchboard.sandbox.WebexSandbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.switchboard.admin.AdminSettings;
import org.switchboard.admin.Integration;
import org.switchboard.crm.CrmConnections;
import org.switchboard.crm.CrmRecords;
import org.switchboard.notifications.StarterNotifications;
import org.switchboard.webex.WebexAccounts;
import org.switchboard.webex.WebexSignIn;
import org.switchboard.webex.WebhookReconciler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the bundled Webex sandbox with the server ({@code switchboard.webex.sandbox.enabled=true}, the default).
 * To use the real Webex, set it to false and point {@code switchboard.webex.base-url} at https://webexapis.com/v1.
 * {@code switchboard.webex.sandbox.state-file} (under ./data by default) keeps what Webex would keep across our restart:
 * the integration, the users' sign-ins and their webhooks (ADR 0034); empty keeps them in memory only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "switchboard.webex.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedSandboxConfiguration {

	/** The sandbox's own time: the system's, which a test may move forward (a call that lasted seconds) instead of sleeping. */
	@Bean
	SandboxTime webexSandboxTime() {
		return new SandboxTime();
	}

	@Bean(destroyMethod = "close")
	RunningSandbox webexSandbox(@Value("${switchboard.webex.sandbox.port:8090}") int port,
			@Value("${switchboard.webex.sandbox.access-token-lifetime:14d}") Duration accessTokenLifetime,
			@Value("${switchboard.webex.sandbox.state-file:}") String stateFile, SandboxTime time) throws IOException {
		return WebexSandbox.start(SandboxOptions.defaults().withPort(port).withTimings(Duration.ofSeconds(2), Duration.ofSeconds(1))
			.withTokenLifetimes(accessTokenLifetime, Duration.ofDays(90)).withClock(time.clock())
			.withStateFile(stateFile.isBlank() ? null : Path.of(stateFile)));
	}

	@Bean
	EmbeddedDefaultSetup embeddedDefaultSetup(RunningSandbox sandbox, CrmRecords records, WebexAccounts accounts,
			Integration integration, StarterNotifications notifications, Environment environment, WebexSignIn signIn,
			AdminSettings settings, JsonMapper json, CrmConnections connections, WebhookReconciler reconciler) {
		return new EmbeddedDefaultSetup(sandbox, records, accounts, integration, notifications, environment, signIn, settings, json,
				connections, reconciler);
	}
}
