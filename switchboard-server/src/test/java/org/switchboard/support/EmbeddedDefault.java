package org.switchboard.support;

import java.io.IOException;
import java.net.ServerSocket;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The embedded default's test settings: H2 in memory and the sandbox on its own port. A test class that needs a
 * context of its own (other settings) takes its own sandbox port, since cached contexts stay up side by side.
 */
public final class EmbeddedDefault {

	private EmbeddedDefault() {
	}

	public static void register(DynamicPropertyRegistry registry, int sandboxPort) {
		H2Memory.register(registry);
		registry.add("switchboard.webex.sandbox.enabled", () -> "true");
		registry.add("switchboard.webex.sandbox.port", () -> sandboxPort);
		registry.add("switchboard.webex.base-url", () -> "http://localhost:" + sandboxPort + "/v1");
		registry.add("switchboard.metrics.scrape.password", () -> MetricsScrape.PASSWORD);
	}

	/** The same in Salesforce mode, on the Salesforce double (its REST and Pub/Sub ports chosen when it starts). */
	public static void registerOnSalesforceDouble(DynamicPropertyRegistry registry, int sandboxPort) {
		register(registry, sandboxPort);
		registry.add("switchboard.crm", () -> "salesforce");
		registry.add("switchboard.salesforce.sandbox.enabled", () -> "true");
		registry.add("switchboard.salesforce.sandbox.port", () -> "0");
		registry.add("switchboard.salesforce.sandbox.pubsub-port", () -> "0");
	}

	/** The Prometheus scraper's credential in tests. */
	public static final class MetricsScrape {

		public static final String USER = "prometheus";
		public static final String PASSWORD = "scrape-secret-for-tests";

		private MetricsScrape() {
		}
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
