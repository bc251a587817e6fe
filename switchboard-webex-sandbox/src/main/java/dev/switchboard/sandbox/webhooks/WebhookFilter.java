package dev.switchboard.sandbox.webhooks;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.switchboard.sandbox.http.ApiError;

/**
 * A webhook's {@code filter}: {@code key=value} pairs joined with {@code &}, each of which an event's data must
 * match. Only the keys Webex documents for the webhook's resource are accepted; anything else is refused
 * when the webhook is created, as Webex does.
 */
final class WebhookFilter {

	private static final Map<String, Set<String>> KEYS = Map.ofEntries(
			Map.entry("messages", Set.of("roomId", "roomType", "personId", "personEmail", "mentionedPeople", "hasFiles")),
			Map.entry("memberships", Set.of("roomId", "personId", "personEmail", "isModerator")),
			Map.entry("rooms", Set.of("type", "isLocked")),
			Map.entry("attachmentActions", Set.of("roomId", "messageId", "personId", "personEmail")),
			Map.entry("meetings", Set.of("hostUserId", "hostEmail", "siteUrl", "meetingType")),
			Map.entry("meetingParticipants", Set.of("hostUserId", "hostEmail", "siteUrl", "meetingId")),
			Map.entry("recordings", Set.of("hostUserId", "hostEmail", "siteUrl", "ownerId", "ownerEmail", "meetingId")),
			Map.entry("meetingTranscripts", Set.of("hostUserId", "hostEmail", "siteUrl", "meetingId")),
			Map.entry("telephony_calls", Set.of("personality", "state", "callType")),
			Map.entry("telephony_conference", Set.of()),
			Map.entry("telephony_mwi", Set.of()));
	/** Filters only an org-level ({@code ownedBy: org}) webhook may use. */
	private static final Set<String> ORG_ONLY = Set.of("hostEmail", "hostUserId", "ownerEmail", "ownerId");
	private static final Set<String> BOOLEAN = Set.of("hasFiles", "isModerator", "isLocked");

	private final Map<String, String> pairs;

	private WebhookFilter(Map<String, String> pairs) {
		this.pairs = pairs;
	}

	static WebhookFilter parse(String filter, String resource, boolean orgOwned) {
		Map<String, String> pairs = new LinkedHashMap<>();
		if (filter == null || filter.isBlank()) {
			return new WebhookFilter(pairs);
		}
		Set<String> allowed = allowedKeys(resource);
		for (String pair : filter.split("&")) {
			int eq = pair.indexOf('=');
			String key = eq < 0 ? pair : pair.substring(0, eq);
			String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
			if (!allowed.contains(key)) {
				throw ApiError.badRequest("Invalid filter key '" + key + "' for resource " + resource
						+ (allowed.isEmpty() ? ": it takes no filter" : "; valid keys are " + new TreeSet<>(allowed)));
			}
			if (value.isBlank()) {
				throw ApiError.badRequest("Filter '" + key + "' needs a value");
			}
			if (BOOLEAN.contains(key) && !value.equals("true") && !value.equals("false")) {
				throw ApiError.badRequest("Filter '" + key + "' must be true or false");
			}
			if (ORG_ONLY.contains(key) && !orgOwned) {
				throw ApiError.badRequest("Filter '" + key + "' needs an org-level webhook (ownedBy: org)");
			}
			if (pairs.putIfAbsent(key, value) != null) {
				throw ApiError.badRequest("Filter '" + key + "' is given twice");
			}
		}
		return new WebhookFilter(pairs);
	}

	private static Set<String> allowedKeys(String resource) {
		if (!resource.equals("all")) {
			return KEYS.getOrDefault(resource, Set.of());
		}
		Set<String> union = new TreeSet<>(KEYS.get("messages"));
		union.addAll(KEYS.get("memberships"));
		union.addAll(KEYS.get("rooms"));
		return union;
	}

	/** Whether an event's {@code data} passes; {@code me} is the webhook owner's person id. */
	boolean matches(Map<String, Object> data, String me) {
		return pairs.entrySet().stream().allMatch(p -> matches(p.getKey(), p.getValue(), data, me));
	}

	private static boolean matches(String key, String value, Map<String, Object> data, String me) {
		switch (key) {
			case "mentionedPeople" -> {
				List<String> wanted = List.of(value.split(",")).stream().map(v -> v.trim().equals("me") ? me : v.trim()).toList();
				return data.get("mentionedPeople") instanceof Collection<?> mentioned && mentioned.stream().anyMatch(wanted::contains);
			}
			case "hasFiles" -> {
				boolean has = data.get("files") instanceof Collection<?> files && !files.isEmpty();
				return has == Boolean.parseBoolean(value);
			}
			case "callType" -> {
				return data.get("remoteParty") instanceof Map<?, ?> party && value.equals(party.get("callType"));
			}
			default -> {
				Object actual = data.get(key);
				return actual != null && (key.toLowerCase().endsWith("email") ? value.equalsIgnoreCase(actual.toString())
						: value.equals(actual.toString()));
			}
		}
	}
}
