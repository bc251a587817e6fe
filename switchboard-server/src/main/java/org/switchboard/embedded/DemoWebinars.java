package org.switchboard.embedded;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.switchboard.sandbox.RunningSandbox;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's webinars at the sandbox, made on every start (the sandbox keeps no meetings): a past one the admin hosted
 * twice, with {@code registrants} people to import, and an upcoming one. Their people have stable emails
 * ({@code person<n>@launch.example.com}), so importing again after a restart finds the Leads it made before.
 */
final class DemoWebinars {

	static final String PAST = "Switchboard launch webinar";
	static final String UPCOMING = "Switchboard product tour";
	private static final String HOST = "admin@switchboard.test";

	private final RunningSandbox sandbox;
	private final JsonMapper json;
	private final SandboxHttp http = new SandboxHttp();

	DemoWebinars(RunningSandbox sandbox, JsonMapper json) {
		this.sandbox = sandbox;
		this.json = json;
	}

	void create(int registrants) {
		Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
		generate(json.createObjectNode().put("title", PAST).put("start", today.minus(3, ChronoUnit.DAYS).plus(16, ChronoUnit.HOURS).toString())
			.put("occurrences", 2).put("registrants", registrants).put("invitees", registrants / 5).put("attendees", registrants / 4)
			.put("domain", "launch.example.com"));
		generate(json.createObjectNode().put("title", UPCOMING).put("start", today.plus(5, ChronoUnit.DAYS).plus(16, ChronoUnit.HOURS).toString())
			.put("registrants", Math.max(1, registrants / 40)).put("domain", "tour.example.com"));
	}

	private void generate(ObjectNode webinar) {
		webinar.put("hostEmail", HOST);
		http.send(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/sandbox/webinars")).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(webinar))), 200);
	}
}
