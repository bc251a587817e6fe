package dev.switchboard.sandbox;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * One sandbox per test class with fast timings (200 ms remote answer, 50 ms webhook retry), reset with no faults before
 * each test, and a fresh receiver for its webhook deliveries.
 */
abstract class SandboxTest {

	protected static RunningSandbox sandbox;
	protected static SandboxClient client;
	protected WebhookReceiver receiver;

	@BeforeAll
	static void start() throws Exception {
		sandbox = WebexSandbox.start(SandboxOptions.defaults().withPort(0).withTimings(Duration.ofMillis(200), Duration.ofMillis(50)));
		client = new SandboxClient(sandbox.baseUrl());
	}

	@AfterAll
	static void stop() {
		sandbox.close();
	}

	@BeforeEach
	void receiveWebhooks() throws Exception {
		client.call(null, "POST", "/sandbox/reset", null);
		client.call(null, "DELETE", "/sandbox/faults", null);
		receiver = new WebhookReceiver();
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}
}
