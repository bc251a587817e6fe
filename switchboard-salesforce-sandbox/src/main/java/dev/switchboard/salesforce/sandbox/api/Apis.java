package dev.switchboard.salesforce.sandbox.api;

import java.util.concurrent.ExecutorService;

import dev.switchboard.salesforce.sandbox.http.Reply;
import dev.switchboard.salesforce.sandbox.http.Routes;
import dev.switchboard.salesforce.sandbox.oauth.OAuthServer;
import dev.switchboard.salesforce.sandbox.records.RecordStore;
import tools.jackson.databind.JsonNode;

/** Registers the REST and Bulk resources and the {@code /sandbox} controls that play the org's other side. */
public final class Apis {

	private Apis() {
	}

	public static void routes(Routes routes, RecordStore store, OAuthServer oauth, OrgGuard guard, String baseUrl, ExecutorService bulkWorker) {
		RestApi rest = new RestApi(store, oauth, guard, baseUrl);
		rest.routes(routes);
		new BulkIngest(store, rest, bulkWorker).routes(routes);
		routes.on("POST", "/sandbox/sessions/expire", null, call -> {
			oauth.expireSessions();
			return Reply.noContent();
		});
		routes.on("POST", "/sandbox/refresh-tokens/revoke", null, call -> {
			oauth.revokeRefreshTokens();
			return Reply.noContent();
		});
		routes.on("PUT", "/sandbox/faults", null, call -> {
			JsonNode body = call.json();
			guard.inject(body.path("status").asInt(503), body.path("errorCode").asString("SERVER_UNAVAILABLE"), body.path("times").asInt(1));
			return Reply.noContent();
		});
		routes.on("DELETE", "/sandbox/faults", null, call -> {
			guard.clearFaults();
			return Reply.noContent();
		});
		routes.on("PUT", "/sandbox/org", null, call -> {
			JsonNode body = call.json();
			guard.apiEnabled(body.path("apiEnabled").asBoolean(true));
			if (body.has("dailyApiRequests")) {
				guard.limit(body.path("dailyApiRequests").asInt());
			}
			return Reply.noContent();
		});
	}
}
