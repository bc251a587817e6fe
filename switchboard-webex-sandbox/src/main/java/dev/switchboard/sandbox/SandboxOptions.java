package dev.switchboard.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start the sandbox.
 *
 * @param port 8090 by default; 0 picks a free port
 * @param people the seeded people (emails, names, tokens); a bot among them has type {@code bot}
 * @param remoteAnswerDelay how long the far end of a dialled call takes to answer
 * @param webhookRetryDelay the first wait before re-sending a failed webhook delivery
 * @param accessTokenLifetime how long an OAuth access token lasts ({@code expires_in}; Webex: 14 days)
 * @param refreshTokenLifetime how long an OAuth refresh token lasts ({@code refresh_token_expires_in}; Webex: 90 days)
 * @param clock what OAuth codes and tokens expire by and calls are stamped with (the system clock unless a test sets
 *              one it can move)
 * @param stateFile where the sandbox keeps what Webex keeps when its client restarts (integrations, OAuth grants,
 *                  webhooks), so a sandbox started again on the same file still knows them; null keeps everything in
 *                  memory only
 */
public record SandboxOptions(int port, List<SeedPerson> people, Duration remoteAnswerDelay, Duration webhookRetryDelay,
		Duration accessTokenLifetime, Duration refreshTokenLifetime, java.time.Clock clock, Path stateFile) {

	public SandboxOptions(int port, List<SeedPerson> people, Duration remoteAnswerDelay, Duration webhookRetryDelay,
			Duration accessTokenLifetime, Duration refreshTokenLifetime, java.time.Clock clock) {
		this(port, people, remoteAnswerDelay, webhookRetryDelay, accessTokenLifetime, refreshTokenLifetime, clock, null);
	}

	public SandboxOptions(int port, List<SeedPerson> people, Duration remoteAnswerDelay, Duration webhookRetryDelay,
			Duration accessTokenLifetime, Duration refreshTokenLifetime) {
		this(port, people, remoteAnswerDelay, webhookRetryDelay, accessTokenLifetime, refreshTokenLifetime,
				java.time.Clock.systemUTC());
	}

	public static SandboxOptions defaults() {
		return new SandboxOptions(8090, SeedPerson.DEMO, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofDays(14),
				Duration.ofDays(90));
	}

	public SandboxOptions withPort(int newPort) {
		return new SandboxOptions(newPort, people, remoteAnswerDelay, webhookRetryDelay, accessTokenLifetime, refreshTokenLifetime, clock, stateFile);
	}

	public SandboxOptions withTimings(Duration answerDelay, Duration retryDelay) {
		return new SandboxOptions(port, people, answerDelay, retryDelay, accessTokenLifetime, refreshTokenLifetime, clock, stateFile);
	}

	/** OAuth token lifetimes, e.g. seconds to test expiry and refresh. */
	public SandboxOptions withTokenLifetimes(Duration accessToken, Duration refreshToken) {
		return new SandboxOptions(port, people, remoteAnswerDelay, webhookRetryDelay, accessToken, refreshToken, clock, stateFile);
	}

	/** The clock OAuth codes and tokens expire by and calls are stamped with. */
	public SandboxOptions withClock(java.time.Clock newClock) {
		return new SandboxOptions(port, people, remoteAnswerDelay, webhookRetryDelay, accessTokenLifetime, refreshTokenLifetime, newClock, stateFile);
	}

	/** Keeps integrations, OAuth grants and webhooks in this file across starts (null: in memory only). */
	public SandboxOptions withStateFile(Path file) {
		return new SandboxOptions(port, people, remoteAnswerDelay, webhookRetryDelay, accessTokenLifetime, refreshTokenLifetime, clock, file);
	}
}
