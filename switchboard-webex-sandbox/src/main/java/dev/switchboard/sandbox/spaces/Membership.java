package dev.switchboard.sandbox.spaces;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.switchboard.sandbox.people.Person;

/** One person's membership of a room. */
final class Membership {

	final String id;
	final Room room;
	final Person person;
	final String created;
	final long sequence;
	volatile boolean moderator;
	volatile boolean roomHidden;

	Membership(String id, Room room, Person person, boolean moderator, String created, long sequence) {
		this.id = id;
		this.room = room;
		this.person = person;
		this.moderator = moderator;
		this.created = created;
		this.sequence = sequence;
	}

	Map<String, Object> toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id);
		json.put("roomId", room.id);
		json.put("personId", person.id());
		json.put("personEmail", person.email());
		json.put("personDisplayName", person.displayName());
		json.put("personOrgId", person.orgId());
		json.put("isModerator", moderator);
		json.put("isRoomHidden", roomHidden);
		json.put("roomType", room.type);
		json.put("created", created);
		return json;
	}
}
