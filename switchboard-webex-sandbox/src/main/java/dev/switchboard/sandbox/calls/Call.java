package dev.switchboard.sandbox.calls;

import java.util.LinkedHashMap;
import java.util.Map;

/** One leg of a call as the owner's Webex Calling sees it. */
final class Call {

	final String id;
	final String sessionId;
	final String ownerPersonId;
	final String remoteName;
	final String remoteNumber;
	final boolean privacyEnabled;
	final boolean inbound;
	final String created;
	volatile String personality;
	volatile String state;
	volatile String answered;
	volatile String disconnected;
	volatile String endpointId;
	volatile String endpointType;

	Call(String id, String sessionId, String ownerPersonId, String personality, String state, String remoteName,
			String remoteNumber, boolean privacyEnabled, boolean inbound, String created) {
		this.id = id;
		this.sessionId = sessionId;
		this.ownerPersonId = ownerPersonId;
		this.personality = personality;
		this.state = state;
		this.remoteName = remoteName;
		this.remoteNumber = remoteNumber;
		this.privacyEnabled = privacyEnabled;
		this.inbound = inbound;
		this.created = created;
	}

	Map<String, Object> remoteParty() {
		Map<String, Object> party = new LinkedHashMap<>();
		if (!privacyEnabled && remoteName != null) {
			party.put("name", remoteName);
		}
		if (!privacyEnabled && remoteNumber != null) {
			party.put("number", remoteNumber);
		}
		party.put("privacyEnabled", privacyEnabled);
		party.put("callType", "external");
		return party;
	}

	/** The Call object of {@code GET /telephony/calls}. */
	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id);
		json.putAll(common());
		return json;
	}

	/** The {@code data} of a {@code telephony_calls} webhook delivery: the call as {@code callId}, plus event fields. */
	Map<String, Object> eventData(String eventType, String timestamp, String orgId) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("eventType", eventType);
		data.put("eventTimestamp", timestamp);
		data.put("actorPersonId", ownerPersonId);
		data.put("callId", id);
		data.putAll(common());
		if (disconnected != null) {
			data.put("disconnected", disconnected);
		}
		data.put("orgId", orgId);
		return data;
	}

	private Map<String, Object> common() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("callSessionId", sessionId);
		json.put("personality", personality);
		json.put("state", state);
		json.put("remoteParty", remoteParty());
		json.put("appearance", 1);
		json.put("created", created);
		if (answered != null) {
			json.put("answered", answered);
		}
		if (endpointId != null) {
			json.put("endpointId", endpointId);
			json.put("endpointType", endpointType);
		}
		json.put("muteCapable", "connected".equals(state) || "held".equals(state));
		json.put("muted", false);
		return json;
	}
}
