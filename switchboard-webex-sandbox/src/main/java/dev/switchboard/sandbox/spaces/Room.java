package dev.switchboard.sandbox.spaces;

import java.util.LinkedHashMap;
import java.util.Map;

/** A space: {@code group}, or {@code direct} between two people (whose title is the other person's name). */
final class Room {

	final String id;
	final String type;
	final String creatorId;
	final String created;
	final String ownerId;
	final long sequence;
	volatile String title;
	volatile boolean locked;
	volatile boolean announcementOnly;
	volatile String lastActivity;
	volatile long activity;

	Room(String id, String type, String title, String creatorId, String created, String ownerId, long sequence) {
		this.id = id;
		this.type = type;
		this.title = title;
		this.creatorId = creatorId;
		this.created = created;
		this.ownerId = ownerId;
		this.sequence = sequence;
		this.lastActivity = created;
		this.activity = sequence;
	}

	boolean direct() {
		return "direct".equals(type);
	}

	/** The room as {@code viewerTitle} sees it; a direct room's title is the other member's name. */
	Map<String, Object> toJson(String viewerTitle) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id);
		json.put("title", viewerTitle != null ? viewerTitle : title);
		json.put("type", type);
		json.put("isLocked", locked);
		json.put("lastActivity", lastActivity);
		json.put("creatorId", creatorId);
		json.put("created", created);
		json.put("ownerId", ownerId);
		json.put("isAnnouncementOnly", announcementOnly);
		json.put("isReadOnly", false);
		return json;
	}
}
