package org.switchboard.messaging.messages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;
import org.switchboard.messaging.support.WebexAsUser;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexContent;
import org.switchboard.webex.WebexMessage;

/**
 * Reading and posting a room's messages as the user, with the user's own token: Webex decides what the user may see,
 * Switchboard checks sizes before anything is sent so that a refused message is never half posted.
 */
@Service
public class RoomMessages {

	/** Webex's limit for {@code text} and {@code markdown}, in UTF-8 bytes. */
	public static final int MAX_TEXT_BYTES = 7439;
	public static final int DEFAULT_PAGE = 20;
	private static final int MAX_PAGE = 100;

	private final WebexClient client;
	private final WebexAsUser webex;
	private final MessageHtml html;
	private final PersonNames names;

	RoomMessages(WebexClient client, WebexAsUser webex, MessageHtml html, PersonNames names) {
		this.client = client;
		this.webex = webex;
		this.html = html;
		this.names = names;
	}

	/** Up to {@code max} messages before the message {@code before} (or the newest), newest first. */
	public MessagePage page(String userId, String roomId, String before, Integer max, Supplier<ProblemException> notVisible) {
		int size = max == null ? DEFAULT_PAGE : max;
		if (size < 1 || size > MAX_PAGE) {
			throw ProblemException.badRequest("max must be between 1 and " + MAX_PAGE, new FieldProblem("max", "must be between 1 and " + MAX_PAGE));
		}
		String beforeMessage = before == null || before.isBlank() ? null : before.strip();
		// One more than asked tells whether earlier messages exist without a second request.
		List<WebexMessage> found = webex.call(userId, notVisible, token -> client.messages(token, roomId, size + 1, beforeMessage));
		String token = webex.token(userId);
		List<MessageView> views = new ArrayList<>();
		found.stream().limit(size).forEach(m -> views.add(view(token, m)));
		String next = found.size() > size ? views.get(views.size() - 1).id() : null;
		return new MessagePage(views, next);
	}

	public MessageView post(String userId, String roomId, MessageRequest request, Supplier<ProblemException> notVisible) {
		String text = blankToNull(request.text());
		String markdown = blankToNull(request.markdown());
		if (text == null && markdown == null) {
			throw ProblemException.badRequest("A message needs text or markdown", new FieldProblem("text", "is required (or markdown)"));
		}
		checkSize("text", text);
		checkSize("markdown", markdown);
		return view(webex.token(userId), webex.call(userId, notVisible, token -> client.postMessage(token, roomId, text, markdown)));
	}

	/** One file with an optional caption ({@code request}'s text or markdown, both may be empty). */
	public MessageView postFile(String userId, String roomId, MessageRequest caption, MultipartFile file,
			Supplier<ProblemException> notVisible) {
		if (file == null || file.isEmpty()) {
			throw ProblemException.badRequest("The file is missing or empty", new FieldProblem("file", "is required and may not be empty"));
		}
		String text = blankToNull(caption.text());
		String markdown = blankToNull(caption.markdown());
		checkSize("text", text);
		checkSize("markdown", markdown);
		byte[] content = bytes(file);
		String name = fileName(file.getOriginalFilename());
		return view(webex.token(userId), webex.call(userId, notVisible, token -> client.postFile(token, roomId, text, markdown, name, content)));
	}

	/** The {@code index}th file of a message, downloaded with the user's token (so only from rooms the user is in). */
	public WebexContent attachment(String userId, String messageId, int index) {
		Supplier<ProblemException> missing = () -> ProblemException.notFound("No attachment " + index + " on message '" + messageId + "' for you");
		WebexMessage message = webex.call(userId, missing, token -> client.message(token, messageId));
		if (index < 0 || index >= message.files().size()) {
			throw missing.get();
		}
		return webex.call(userId, missing, token -> client.content(token, message.files().get(index)));
	}

	/** The message as the UI shows it, its author's name read with {@code token}. */
	public MessageView view(String token, WebexMessage message) {
		String text = message.text();
		String markdown = message.markdown();
		String rendered = markdown != null ? html.markdown(markdown) : text != null ? html.text(text) : "";
		List<MessageView.FileLink> files = new ArrayList<>();
		for (int i = 0; i < message.files().size(); i++) {
			files.add(new MessageView.FileLink(i, "/api/messaging/messages/" + message.id() + "/files/" + i));
		}
		return new MessageView(message.id(), message.roomId(), message.personId(), message.personEmail(),
				names.nameOf(token, message.personId()), message.created(), text, markdown, rendered, files);
	}

	private static void checkSize(String field, String value) {
		if (value != null) {
			int bytes = value.getBytes(StandardCharsets.UTF_8).length;
			if (bytes > MAX_TEXT_BYTES) {
				throw ProblemException.badRequest("The message is too long for Webex",
						new FieldProblem(field, "has " + bytes + " bytes; Webex allows at most " + MAX_TEXT_BYTES));
			}
		}
	}

	private static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (java.io.IOException e) {
			throw ProblemException.badRequest("The file could not be read", new FieldProblem("file", "could not be read"));
		}
	}

	private static String fileName(String original) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		return name.isEmpty() ? "attachment" : name;
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
