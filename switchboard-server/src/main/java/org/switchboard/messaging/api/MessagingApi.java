package org.switchboard.messaging.api;

import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.switchboard.access.Access;
import org.switchboard.access.WebexUserOnly;
import org.switchboard.messaging.chat.Chat;
import org.switchboard.messaging.live.LiveMessages;
import org.switchboard.messaging.messages.MessagePage;
import org.switchboard.messaging.messages.MessageRequest;
import org.switchboard.messaging.messages.MessageView;
import org.switchboard.messaging.messages.RoomMessages;
import org.switchboard.messaging.settings.MessagingSettings;
import org.switchboard.messaging.spaces.Members;
import org.switchboard.webex.WebexContent;

/** Member search, attachments, the live message stream, and chat over the user's own Webex rooms. */
@RestController
@RequestMapping("/api/messaging")
@WebexUserOnly
class MessagingApi {

	private final Members members;
	private final RoomMessages messages;
	private final LiveMessages live;
	private final Chat chat;
	private final MessagingSettings settings;

	MessagingApi(Members members, RoomMessages messages, LiveMessages live, Chat chat, MessagingSettings settings) {
		this.members = members;
		this.messages = messages;
		this.live = live;
		this.chat = chat;
		this.settings = settings;
	}

	@GetMapping("/members")
	Map<String, List<Members.Candidate>> members(@RequestParam(defaultValue = "") String q) {
		return Map.of("results", members.search(q));
	}

	/** Always a download (never shown inline), so an uploaded HTML file cannot run as this site. */
	@GetMapping("/messages/{messageId}/files/{index}")
	ResponseEntity<byte[]> attachment(@PathVariable String messageId, @PathVariable int index) {
		WebexContent content = messages.attachment(Access.currentUserId(), messageId, index);
		String name = content.fileName() == null || content.fileName().isBlank() ? "attachment" : content.fileName();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.contentType(mediaType(content.contentType()))
			.body(content.bytes());
	}

	private static MediaType mediaType(String contentType) {
		try {
			return contentType == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(contentType);
		}
		catch (org.springframework.http.InvalidMediaTypeException e) {
			return MediaType.APPLICATION_OCTET_STREAM;
		}
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events() {
		return live.open(Access.currentUserId());
	}

	@GetMapping("/rooms")
	Map<String, List<Chat.Room>> rooms() {
		return Map.of("rooms", chat.rooms(Access.currentUserId()));
	}

	@GetMapping("/rooms/{roomId}/messages")
	MessagePage roomMessages(@PathVariable String roomId, @RequestParam(required = false) String before,
			@RequestParam(required = false) Integer max) {
		settings.requireChat();
		return messages.page(Access.currentUserId(), roomId, before, max, Chat.notFound(roomId));
	}

	@PostMapping(path = "/rooms/{roomId}/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	MessageView post(@PathVariable String roomId, @RequestBody MessageRequest request) {
		settings.requireChat();
		return messages.post(Access.currentUserId(), roomId, request, Chat.notFound(roomId));
	}

	@PostMapping(path = "/rooms/{roomId}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	MessageView postFile(@PathVariable String roomId, @RequestPart(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String text, @RequestParam(required = false) String markdown) {
		settings.requireChat();
		return messages.postFile(Access.currentUserId(), roomId, new MessageRequest(text, markdown), file, Chat.notFound(roomId));
	}
}
