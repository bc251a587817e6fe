package org.switchboard.browser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.switchboard.salesforce.sandbox.RunningSalesforce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedDefault;

/**
 * Switchboard in Salesforce mode ({@code --switchboard.crm=salesforce --switchboard.salesforce.sandbox.enabled=true}:
 * the demo data seeded into the Salesforce double) with a fresh Chromium for each test. One context shared by its
 * subclasses, with a Webex sandbox port of its own: the embedded default's cached context holds another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "switchboard.embedded.notifications=false")
abstract class SalesforceBrowserTest {

	static final int SANDBOX_PORT = EmbeddedDefault.freePort();

	@LocalServerPort
	int port;

	@Autowired
	RunningSalesforce org;

	Browser browser;

	@DynamicPropertySource
	static void salesforce(DynamicPropertyRegistry registry) {
		EmbeddedDefault.registerOnSalesforceDouble(registry, SANDBOX_PORT);
		registry.add("switchboard.notifications.idle-poll", () -> "200ms");
	}

	@BeforeEach
	void openBrowser() {
		browser = new Browser("http://localhost:" + port);
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
	}

	ApiClient api() {
		return new ApiClient(port);
	}

	/** Sends JSON to a control endpoint of the Webex sandbox ({@code /sandbox/...}) or, with the double's base URL, of the org. */
	static String control(String url, String method, String json) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
				.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300) {
				throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
			}
			return response.body();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	static String webexSandbox(String path, String json) {
		return control("http://localhost:" + SANDBOX_PORT + path, "POST", json);
	}
}
