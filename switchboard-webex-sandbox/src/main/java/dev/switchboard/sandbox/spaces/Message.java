package dev.switchboard.sandbox.spaces;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchboard.sandbox.people.Person;

/** A message; {@code files} holds content ids, turned into URLs on the host the reader called. */
final class Message {

	final String id;
	final Room room;
	final Person author;
	final String parentId;
	final String toPersonId;
	final String toPersonEmail;
	final List<String> files;
	final String created;
	final long sequence;
	volatile Markdown.Rendered content;
	volatile String updated;
	volatile int edits;

	Message(String id, Room room, Person author, String parentId, String toPersonId, String toPersonEmail, List<String> files,
			Markdown.Rendered content, String created, long sequence) {
		this.id = id;
		this.room = room;
		this.author = author;
		this.parentId = parentId;
		this.toPersonId = toPersonId;
		this.toPersonEmail = toPersonEmail;
		this.files = List.copyOf(files);
		this.content = content;
		this.created = created;
		this.sequence = sequence;
	}

	boolean mentions(String personId) {
		return content.mentionedPeople().contains(personId);
	}

	/** The Message object of the REST API; {@code baseUrl} is the host the reader called. */
	Map<String, Object> toJson(String baseUrl) {
		Map<String, Object> json = data(baseUrl);
		Markdown.Rendered c = content;
		json.put("text", c.text());
		if (c.markdown() != null) {
			json.put("markdown", c.markdown());
			json.put("html", c.html());
		}
		return json;
	}

	/** The {@code data} of a {@code messages} webhook delivery: the message without its content. */
	Map<String, Object> data(String baseUrl) {
		Markdown.Rendered c = content;
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id);
		if (parentId != null) {
			json.put("parentId", parentId);
		}
		json.put("roomId", room.id);
		json.put("roomType", room.type);
		if (toPersonId != null) {
			json.put("toPersonId", toPersonId);
			json.put("toPersonEmail", toPersonEmail);
		}
		if (!files.isEmpty()) {
			json.put("files", files.stream().map(f -> baseUrl + "/v1/contents/" + f).toList());
		}
		json.put("personId", author.id());
		json.put("personEmail", author.email());
		if (!c.mentionedPeople().isEmpty()) {
			json.put("mentionedPeople", c.mentionedPeople());
		}
		if (!c.mentionedGroups().isEmpty()) {
			json.put("mentionedGroups", c.mentionedGroups());
		}
		json.put("created", created);
		if (updated != null) {
			json.put("updated", updated);
		}
		return json;
	}
}
