package org.switchboard.workspace.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.switchboard.support.ApiClient.ADMIN;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.switchboard.support.ApiClient;
import org.switchboard.support.ApiClient.Response;
import org.switchboard.support.EmbeddedServerTest;

class InputBoundsTests extends EmbeddedServerTest {

	@Test
	void hugeObjectLabelsAre400NamingTheLabelAndCreateNothing() {
		Response label = api().send(ADMIN, "POST", "/api/objects",
				"{\"name\":\"Bounded__c\",\"label\":\"" + "L".repeat(10_000) + "\"}");
		Response plural = api().send(ADMIN, "POST", "/api/objects",
				"{\"name\":\"Bounded__c\",\"label\":\"Bounded\",\"labelPlural\":\"" + "P".repeat(10_000) + "\"}");

		assertThat(label.status()).isEqualTo(400);
		assertThat(label.json().get("errors").findValuesAsString("field")).containsExactly("label");
		assertThat(plural.status()).isEqualTo(400);
		assertThat(plural.json().get("errors").findValuesAsString("field")).containsExactly("labelPlural");
		assertThat(api().get(ADMIN, "/api/objects").body()).doesNotContain("Bounded__c");
	}

	@Test
	void hugeFieldNamesLabelsAndPicklistsAre400NamingTheInputAndCreateNothing() {
		Response name = api().send(ADMIN, "POST", "/api/objects/Account/fields",
				"{\"name\":\"" + "A".repeat(3_000) + "__c\",\"type\":\"string\"}");
		Response label = api().send(ADMIN, "POST", "/api/objects/Account/fields",
				"{\"name\":\"Bounded__c\",\"type\":\"string\",\"label\":\"" + "L".repeat(10_000) + "\"}");
		String values = IntStream.range(0, 10_000).mapToObj(i -> "\"Value " + i + "\"").collect(Collectors.joining(","));
		Response picklist = api().send(ADMIN, "POST", "/api/objects/Account/fields",
				"{\"name\":\"Bounded__c\",\"type\":\"picklist\",\"picklistValues\":[" + values + "]}");
		Response oneLongValue = api().send(ADMIN, "POST", "/api/objects/Account/fields",
				"{\"name\":\"Bounded__c\",\"type\":\"picklist\",\"picklistValues\":[\"" + "V".repeat(5_000) + "\"]}");

		for (Response response : new Response[] { name, label, picklist, oneLongValue }) {
			assertThat(response.status()).as(response.body()).isEqualTo(400);
		}
		assertThat(name.json().get("errors").findValuesAsString("field")).containsExactly("name");
		assertThat(label.json().get("errors").findValuesAsString("field")).containsExactly("label");
		assertThat(picklist.json().get("errors").findValuesAsString("field")).containsExactly("picklistValues");
		assertThat(oneLongValue.json().get("errors").findValuesAsString("field")).containsExactly("picklistValues");
		assertThat(api().get(ADMIN, "/api/objects/Account").body()).doesNotContain("Bounded__c");
	}

	@Test
	void aBrokenMultipartBodyIs400NotAServerError() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/api/spaces/anything/messages"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + ApiClient.PASSWORD).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=cut")
			.POST(HttpRequest.BodyPublishers.ofString("--cut\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nhello, and then noth"))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.body()).contains("multipart").doesNotContain("Exception");
	}
}
