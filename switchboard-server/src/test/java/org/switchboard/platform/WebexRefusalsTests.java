package org.switchboard.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.support.ApiClient;
import org.switchboard.support.EmbeddedServerTest;

/**
 * A Webex refusal gets the same HTTP answer in every feature (ADR 0012): calling's dial and messaging's chat rooms meet
 * the same injected sandbox faults and must answer alike, with the status and title the web edge chooses.
 */
class WebexRefusalsTests extends EmbeddedServerTest {

	@AfterEach
	void webexWorksAgain() throws Exception {
		control("DELETE", null);
	}

	@ParameterizedTest(name = "Webex {0} → {1} {2}")
	@CsvSource({ "400, 409, Webex refused", "409, 409, Webex refused", "403, 409, Webex refused", "401, 409, Webex token rejected",
			"429, 503, Webex is busy", "413, 413, Too large for Webex", "500, 502, Webex unavailable" })
	void callingAndMessagingAnswerAWebexRefusalAlike(int webexStatus, int expected, String title) throws Exception {
		control("PUT", "{\"rate\":1.0,\"statuses\":[" + webexStatus + "],\"retryAfterSeconds\":3600}");

		ApiClient.Response dial = api().send(ApiClient.AGENT, "POST", "/api/calling/calls", "{\"to\":\"+14155550100\"}");
		ApiClient.Response rooms = api().get(ApiClient.AGENT, "/api/messaging/rooms");

		for (ApiClient.Response answer : new ApiClient.Response[] { dial, rooms }) {
			assertThat(answer.status()).as(answer.body()).isEqualTo(expected);
			assertThat(answer.contentType()).startsWith("application/problem+json");
			assertThat(answer.json().path("title").asString()).isEqualTo(title);
			assertThat(answer.body()).doesNotContain("sandbox-token");
		}
	}

	@Test
	void aBusyWebexAnswerSaysHowLongToWait() throws Exception {
		control("PUT", "{\"rate\":1.0,\"statuses\":[429],\"retryAfterSeconds\":3600}");
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messaging/rooms"))
			.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((ApiClient.AGENT + ":" + ApiClient.PASSWORD).getBytes()))
			.header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("3600");
	}

	private static void control(String method, String json) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + SANDBOX_PORT + "/sandbox/faults"))
			.header("Content-Type", "application/json")
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isLessThan(300);
	}
}
