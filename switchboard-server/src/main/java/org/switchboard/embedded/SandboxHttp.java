package org.switchboard.embedded;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends the embedded set-up's requests to the sandbox (its pages and control endpoints) and insists on the expected status. */
final class SandboxHttp {

	private final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> send(HttpRequest.Builder request, int expected) {
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != expected) {
				String body = response.statusCode() >= 400 ? ": " + abbreviate(response.body()) : "";
				throw new IllegalStateException("The sandbox answered " + response.statusCode() + " at " + response.uri().getPath() + body);
			}
			return response;
		}
		catch (IOException e) {
			throw new IllegalStateException("The sandbox did not answer at " + request.build().uri().getPath(), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static String abbreviate(String text) {
		return text.length() <= 300 ? text : text.substring(0, 299) + "…";
	}
}
