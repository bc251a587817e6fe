package org.switchboard.webex.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

import org.switchboard.webex.WebexCallEvent;
import org.switchboard.webex.WebexMeetingEvent;
import org.switchboard.webex.WebexMembershipEvent;
import org.switchboard.webex.WebexMessageEvent;

import tools.jackson.databind.JsonNode;

/** Turns a verified envelope into the typed event the feature modules listen for. */
final class EventTranslator {

	static final Set<String> RESOURCES = Set.of("telephony_calls", "messages", "memberships", "rooms", "meetings",
			"meetingParticipants", "attachmentActions");
	static final Set<String> EVENTS = Set.of("created", "updated", "deleted", "started", "ended", "joined", "left",
			"migrated", "all");

	private EventTranslator() {
	}

	/** The typed event, or empty for resources no feature consumes (rooms, attachment actions). */
	static Optional<Object> translate(long deliveryId, String owner, JsonNode envelope) {
		String webhookId = envelope.path("id").asString();
		String resource = envelope.path("resource").asString();
		String event = envelope.path("event").asString();
		JsonNode data = envelope.path("data");
		return switch (resource) {
			case "telephony_calls" -> Optional.of(call(deliveryId, webhookId, owner, event, data));
			case "messages" -> Optional.of(new WebexMessageEvent(deliveryId, webhookId, owner, event, text(data, "id"),
					text(data, "roomId"), text(data, "roomType"), text(data, "personId"), text(data, "personEmail"),
					instant(data, "created")));
			case "memberships" -> Optional.of(new WebexMembershipEvent(deliveryId, webhookId, owner, event,
					text(data, "id"), text(data, "roomId"), text(data, "personId"), text(data, "personEmail")));
			case "meetings", "meetingParticipants" -> Optional.of(new WebexMeetingEvent(deliveryId, webhookId, owner,
					resource, event, data.hasNonNull("meetingId") ? text(data, "meetingId") : text(data, "id")));
			default -> Optional.empty();
		};
	}

	private static WebexCallEvent call(long deliveryId, String webhookId, String owner, String event, JsonNode data) {
		JsonNode remote = data.path("remoteParty");
		return new WebexCallEvent(deliveryId, webhookId, owner, event, text(data, "eventType"),
				data.hasNonNull("callId") ? text(data, "callId") : text(data, "id"), text(data, "callSessionId"),
				text(data, "personality"), text(data, "state"), text(remote, "name"), text(remote, "number"),
				remote.path("privacyEnabled").asBoolean(false), instant(data, "created"), instant(data, "answered"),
				instant(data, "disconnected"), instant(data, "eventTimestamp"));
	}

	/** A field's text without NUL characters: Webex never sends them in earnest, and PostgreSQL cannot store them. */
	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString().replace("\u0000", "");
	}

	private static Instant instant(JsonNode node, String field) {
		String text = text(node, field);
		try {
			// Kept to the microsecond, as the database stores them: a duration between a stored and a fresh instant
			// must not lose a second to nanoseconds one of them no longer has.
			return text == null ? null : Instant.parse(text).truncatedTo(ChronoUnit.MICROS);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
