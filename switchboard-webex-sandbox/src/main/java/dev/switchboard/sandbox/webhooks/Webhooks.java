package dev.switchboard.sandbox.webhooks;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.switchboard.sandbox.Clock;
import dev.switchboard.sandbox.WebexIds;
import dev.switchboard.sandbox.http.ApiError;
import dev.switchboard.sandbox.http.Paging;
import dev.switchboard.sandbox.http.Request;
import dev.switchboard.sandbox.http.Response;
import dev.switchboard.sandbox.http.Router;
import dev.switchboard.sandbox.people.People;
import dev.switchboard.sandbox.people.Person;

import tools.jackson.databind.JsonNode;

/** {@code /v1/webhooks} CRUD, and the fan-out of events to the matching webhooks of a person. */
public class Webhooks {

	static final String APP_ID = WebexIds.of("APPLICATION", "switchboard-sandbox");
	private static final Set<String> RESOURCES = Set.of("attachmentActions", "memberships", "messages", "rooms", "meetings",
			"recordings", "meetingParticipants", "meetingTranscripts", "telephony_calls", "telephony_conference",
			"telephony_mwi", "all");
	private static final Set<String> EVENTS = Set.of("created", "updated", "deleted", "started", "ended", "joined", "left",
			"migrated", "all");

	private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();
	private final People people;
	private final WebhookDispatcher dispatcher;
	private final String baseUrl;

	public Webhooks(People people, WebhookDispatcher dispatcher, String baseUrl) {
		this.people = people;
		this.dispatcher = dispatcher;
		this.baseUrl = baseUrl;
	}

	public void routes(Router router) {
		router.on("POST", "/v1/webhooks", this::create)
			.on("GET", "/v1/webhooks", r -> Paging.page(r, baseUrl, owned(people.caller(r)), 100, 100))
			.on("GET", "/v1/webhooks/{webhookId}", r -> Response.ok(owned(r).toJson()))
			.on("PUT", "/v1/webhooks/{webhookId}", this::update)
			.on("DELETE", "/v1/webhooks/{webhookId}", r -> {
				webhooks.remove(owned(r).id);
				return Response.noContent();
			})
			.on("POST", "/sandbox/webhooks/{webhookId}/deactivate", r -> {
				// What Webex does after repeated failed deliveries, on demand.
				Webhook webhook = webhooks.get(r.path("webhookId"));
				if (webhook == null) {
					throw ApiError.notFound("No webhook " + r.path("webhookId"));
				}
				webhook.status = "inactive";
				return Response.ok(webhook.toJson());
			});
	}

	/** Delivers an event to every active webhook of {@code ownerPersonId} for that resource and event. */
	public void publish(String ownerPersonId, String resource, String event, String actorId, Map<String, Object> data) {
		webhooks.values().stream().filter(w -> w.ownerPersonId.equals(ownerPersonId) && w.matches(resource, event))
			.forEach(w -> dispatcher.deliver(w, resource, event, actorId, data));
	}

	public void clear() {
		webhooks.clear();
	}

	private Response create(Request request) {
		Person caller = people.caller(request);
		JsonNode body = request.json();
		String resource = request.required(body, "resource");
		String event = request.required(body, "event");
		if (!RESOURCES.contains(resource)) {
			throw ApiError.badRequest("resource '" + resource + "' is not one of " + RESOURCES);
		}
		if (!EVENTS.contains(event)) {
			throw ApiError.badRequest("event '" + event + "' is not one of " + EVENTS);
		}
		Webhook webhook = new Webhook(WebexIds.of("WEBHOOK"), caller.id(), caller.orgId(), Clock.now(),
				request.required(body, "name"), targetUrl(request.required(body, "targetUrl")), resource, event,
				body.path("filter").asString(null), body.path("secret").asString(null));
		webhooks.put(webhook.id, webhook);
		return Response.ok(webhook.toJson());
	}

	private Response update(Request request) {
		Webhook webhook = owned(request);
		JsonNode body = request.json();
		webhook.name = request.required(body, "name");
		webhook.targetUrl = targetUrl(request.required(body, "targetUrl"));
		if (body.hasNonNull("secret")) {
			webhook.secret = body.path("secret").asString();
		}
		if ("active".equals(body.path("status").asString(null))) {
			webhook.status = "active";
			webhook.failures.set(0);
		}
		return Response.ok(webhook.toJson());
	}

	private Webhook owned(Request request) {
		Person caller = people.caller(request);
		Webhook webhook = webhooks.get(request.path("webhookId"));
		if (webhook == null || !webhook.ownerPersonId.equals(caller.id())) {
			throw ApiError.notFound("No webhook " + request.path("webhookId"));
		}
		return webhook;
	}

	private List<Object> owned(Person caller) {
		List<Object> list = new ArrayList<>();
		webhooks.values().stream().filter(w -> w.ownerPersonId.equals(caller.id()))
			.sorted(java.util.Comparator.comparing(w -> w.created)).forEach(w -> list.add(w.toJson()));
		return list;
	}

	private static String targetUrl(String url) {
		try {
			URI uri = URI.create(url);
			if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
				throw ApiError.badRequest("targetUrl must be an http(s) URL");
			}
			return url;
		}
		catch (IllegalArgumentException e) {
			throw ApiError.badRequest("targetUrl must be an http(s) URL");
		}
	}
}
