package dev.switchboard.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * How to start the sandbox.
 *
 * @param port 8090 by default; 0 picks a free port
 * @param people the seeded people (emails, names, tokens); a bot among them has type {@code bot}
 * @param remoteAnswerDelay how long the far end of a dialled call takes to answer
 * @param webhookRetryDelay the first wait before re-sending a failed webhook delivery
 */
public record SandboxOptions(int port, List<SeedPerson> people, Duration remoteAnswerDelay, Duration webhookRetryDelay) {

	public static SandboxOptions defaults() {
		return new SandboxOptions(8090, SeedPerson.DEMO, Duration.ofSeconds(2), Duration.ofSeconds(1));
	}

	public SandboxOptions withPort(int newPort) {
		return new SandboxOptions(newPort, people, remoteAnswerDelay, webhookRetryDelay);
	}

	public SandboxOptions withTimings(Duration answerDelay, Duration retryDelay) {
		return new SandboxOptions(port, people, answerDelay, retryDelay);
	}
}
