package org.switchboard.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Counts calls where Webex itself keeps them: the sandbox's active calls of the demo agent. */
public final class SandboxCalls {

	/** The sandbox's seeded token of agent@switchboard.test. */
	public static final String AGENT_TOKEN = "c2FuZGJveC10b2tlbi1hZ2VudA_PF84_6f2a3b8c-0000-4000-8000-5a4db0c0ffee";
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SandboxCalls() {
	}

	/** The agent's active calls at the sandbox on {@code sandboxPort} whose fields mention {@code e164}. */
	public static long agentCallsTo(int sandboxPort, String e164) {
		try {
			HttpResponse<String> active = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
					URI.create("http://localhost:" + sandboxPort + "/v1/telephony/calls"))
				.header("Authorization", "Bearer " + AGENT_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
			if (active.statusCode() != 200) {
				throw new IllegalStateException("The sandbox answered " + active.statusCode() + ": " + active.body());
			}
			long count = 0;
			for (JsonNode call : JSON.readTree(active.body()).path("items")) {
				if (call.toString().contains(e164)) {
					count++;
				}
			}
			return count;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}
}
