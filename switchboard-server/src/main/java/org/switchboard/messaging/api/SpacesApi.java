package org.switchboard.messaging.api;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.switchboard.access.Access;
import org.switchboard.access.WebexUserOnly;
import org.switchboard.messaging.messages.MessagePage;
import org.switchboard.messaging.messages.MessageRequest;
import org.switchboard.messaging.messages.MessageView;
import org.switchboard.messaging.messages.RoomMessages;
import org.switchboard.messaging.spaces.CreateSpaceRequest;
import org.switchboard.messaging.spaces.CreatedSpace;
import org.switchboard.messaging.spaces.RecordSpaces;
import org.switchboard.messaging.spaces.Space;
import org.switchboard.messaging.spaces.SpaceCreation;
import org.switchboard.messaging.spaces.SpaceMembership;

/** Spaces tied to records and their messages (api.md "Messaging"). */
@RestController
@WebexUserOnly
class SpacesApi {

	private final SpaceCreation creation;
	private final RecordSpaces spaces;
	private final SpaceMembership membership;
	private final RoomMessages messages;

	SpacesApi(SpaceCreation creation, RecordSpaces spaces, RoomMessages messages, SpaceMembership membership) {
		this.membership = membership;
		this.creation = creation;
		this.spaces = spaces;
		this.messages = messages;
	}

	@PostMapping("/api/records/{object}/{id}/spaces")
	ResponseEntity<CreatedSpace> create(@PathVariable String object, @PathVariable String id,
			@RequestBody(required = false) CreateSpaceRequest request) {
		CreatedSpace created = creation.create(Access.currentUserId(), object, id,
				request == null ? new CreateSpaceRequest(null, List.of()) : request);
		return ResponseEntity.created(URI.create("/api/spaces/" + created.spaceId())).body(created);
	}

	@GetMapping("/api/records/{object}/{id}/spaces")
	Map<String, List<Space>> list(@PathVariable String object, @PathVariable String id) {
		return Map.of("spaces", membership.visible(Access.currentUserId(), spaces.of(object, id)));
	}

	@DeleteMapping("/api/spaces/{spaceId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unlink(@PathVariable String spaceId) {
		membership.requireMemberOrAdmin(Access.currentUserId(), spaces.require(spaceId));
		spaces.unlink(spaceId);
	}

	@GetMapping("/api/spaces/{spaceId}/messages")
	MessagePage messages(@PathVariable String spaceId, @RequestParam(required = false) String before,
			@RequestParam(required = false) Integer max) {
		Space space = spaces.require(spaceId);
		return messages.page(Access.currentUserId(), space.roomId(), before, max, RecordSpaces.notMember(space));
	}

	@PostMapping(path = "/api/spaces/{spaceId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	MessageView post(@PathVariable String spaceId, @RequestBody MessageRequest request) {
		Space space = spaces.require(spaceId);
		return messages.post(Access.currentUserId(), space.roomId(), request, RecordSpaces.notMember(space));
	}

	@PostMapping(path = "/api/spaces/{spaceId}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	MessageView postFile(@PathVariable String spaceId, @RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String text, @RequestParam(required = false) String markdown) {
		Space space = spaces.require(spaceId);
		return messages.postFile(Access.currentUserId(), space.roomId(), new MessageRequest(text, markdown), file, RecordSpaces.notMember(space));
	}
}
