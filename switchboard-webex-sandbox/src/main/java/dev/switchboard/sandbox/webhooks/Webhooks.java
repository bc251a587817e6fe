package dev.switchboard.sandbox.webhooks;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
	/** Resources an org-level ({@code ownedBy: org}) webhook may watch. */
	private static final Set<String> ORG_RESOURCES = Set.of("attachmentActions", "memberships", "messages", "rooms", "meetings",
			"recordings", "meetingParticipants", "meetingTranscripts");
	private final AtomicLong sequence = new AtomicLong();
	private volatile Runnable changed = () -> {
	};

	private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();
	private final People people;
	private final WebhookDispatcher dispatcher;

	public Webhooks(People people, WebhookDispatcher dispatcher) {
		this.people = people;
		this.dispatcher = dispatcher;
	}

	public void routes(Router router) {
		router.on("POST", "/v1/webhooks", this::create)
			.on("GET", "/v1/webhooks", r -> Paging.page(r, listed(r), w -> Paging.ascending(w.sequence), Webhook::toJson, 100, 100))
			.on("GET", "/v1/webhooks/{webhookId}", r -> Response.ok(owned(r).toJson()))
			.on("PUT", "/v1/webhooks/{webhookId}", this::update)
			.on("DELETE", "/v1/webhooks/{webhookId}", r -> {
				webhooks.remove(owned(r).id);
				changed.run();
				return Response.noContent();
			})
			.on("POST", "/sandbox/webhooks/{webhookId}/deactivate", r -> {
				// What Webex does after repeated failed deliveries, on demand.
				Webhook webhook = webhooks.get(r.path("webhookId"));
				if (webhook == null) {
					throw ApiError.notFound("No webhook " + r.path("webhookId"));
				}
				webhook.status = "inactive";
				changed.run();
				return Response.ok(webhook.toJson());
			});
	}

	/**
	 * Delivers an event to every active webhook that {@code ownerPersonId} created for that resource and event
	 * whose filter the data passes.
	 */
	public void publish(String ownerPersonId, String resource, String event, String actorId, Map<String, Object> data) {
		webhooks.values().stream().filter(w -> w.ownedBy.equals("creator") && w.ownerPersonId.equals(ownerPersonId))
			.filter(w -> w.matches(resource, event, data))
			.sorted(Comparator.comparingLong(w -> w.sequence))
			.forEach(w -> dispatcher.deliver(w, resource, event, actorId, data));
	}

	/** Delivers an event that happened in org {@code orgId} to that org's org-level webhooks, once each. */
	public void publishToOrg(String orgId, String resource, String event, String actorId, Map<String, Object> data) {
		webhooks.values().stream().filter(w -> w.ownedBy.equals("org") && w.orgId.equals(orgId))
			.filter(w -> w.matches(resource, event, data))
			.sorted(Comparator.comparingLong(w -> w.sequence))
			.forEach(w -> dispatcher.deliver(w, resource, event, actorId, data));
	}

	public void clear() {
		webhooks.clear();
		changed.run();
	}

	/** Runs after every change to a webhook made through the API (created, updated, deleted, deactivated, cleared). */
	public void onChange(Runnable listener) {
		this.changed = listener;
	}

	/** What Webex keeps when its client restarts: every webhook, in the order they were made (holds their secrets). */
	public List<Map<String, Object>> state() {
		return webhooks.values().stream().sorted(Comparator.comparingLong(w -> w.sequence)).map(w -> {
			Map<String, Object> json = w.toJson();
			json.put("sequence", w.sequence);
			return json;
		}).toList();
	}

	/** Takes back what {@link #state()} answered; webhooks of people this sandbox does not know are dropped. */
	public void restore(JsonNode state) {
		state.forEach(w -> {
			String owner = w.path("createdBy").asString();
			if (people.find(owner).isEmpty()) {
				return;
			}
			Webhook webhook = new Webhook(w.path("id").asString(), owner, w.path("orgId").asString(), w.path("created").asString(),
					w.path("name").asString(), w.path("targetUrl").asString(), w.path("resource").asString(), w.path("event").asString(),
					w.path("filter").asString(null), w.path("secret").asString(null), w.path("ownedBy").asString("creator"),
					w.path("sequence").asLong());
			webhook.status = w.path("status").asString("active");
			webhooks.put(webhook.id, webhook);
			sequence.accumulateAndGet(webhook.sequence, Math::max);
		});
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
		String ownedBy = body.path("ownedBy").asString("creator");
		if (!ownedBy.equals("creator") && !ownedBy.equals("org")) {
			throw ApiError.badRequest("ownedBy must be creator or org");
		}
		if (ownedBy.equals("org")) {
			if (!ORG_RESOURCES.contains(resource)) {
				throw ApiError.badRequest("Org-level webhooks are not available for resource " + resource);
			}
			if (!people.isOrgAdmin(caller)) {
				throw new ApiError(403, "Org-level webhooks need an administrator's or compliance officer's token");
			}
		}
		Webhook webhook = new Webhook(WebexIds.of("WEBHOOK"), caller.id(), caller.orgId(), Clock.now(),
				request.required(body, "name"), targetUrl(request.required(body, "targetUrl")), resource, event,
				body.path("filter").asString(null), body.path("secret").asString(null), ownedBy, sequence.incrementAndGet());
		webhooks.put(webhook.id, webhook);
		changed.run();
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
		String status = body.path("status").asString(null);
		if (status != null && !status.equals("active")) {
			throw ApiError.badRequest("status can only be set to active; delete a webhook to stop it");
		}
		if (status != null) {
			webhook.status = "active";
			webhook.failures.set(0);
		}
		changed.run();
		return Response.ok(webhook.toJson());
	}

	private Webhook owned(Request request) {
		Person caller = people.caller(request);
		Webhook webhook = webhooks.get(request.path("webhookId"));
		if (webhook == null || !visible(webhook, caller)) {
			throw ApiError.notFound("No webhook " + request.path("webhookId"));
		}
		return webhook;
	}

	/** The caller's own webhooks, or with {@code ownedBy=org} their org's org-level webhooks. */
	private List<Webhook> listed(Request request) {
		Person caller = people.caller(request);
		String ownedBy = request.query("ownedBy");
		if (ownedBy != null && !ownedBy.equals("org") && !ownedBy.equals("creator")) {
			throw ApiError.badRequest("ownedBy must be creator or org");
		}
		boolean org = "org".equals(ownedBy);
		if (org && !people.isOrgAdmin(caller)) {
			throw new ApiError(403, "Org-level webhooks need an administrator's or compliance officer's token");
		}
		return webhooks.values().stream()
			.filter(w -> org ? w.ownedBy.equals("org") && w.orgId.equals(caller.orgId())
					: w.ownedBy.equals("creator") && w.ownerPersonId.equals(caller.id()))
			.sorted(Comparator.comparingLong(w -> w.sequence)).toList();
	}

	private boolean visible(Webhook webhook, Person caller) {
		return webhook.ownerPersonId.equals(caller.id())
				|| (webhook.ownedBy.equals("org") && webhook.orgId.equals(caller.orgId()) && people.isOrgAdmin(caller));
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
