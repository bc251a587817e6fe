package org.switchboard.messaging.chat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;
import org.switchboard.messaging.settings.MessagingSettings;
import org.switchboard.messaging.support.WebexAsUser;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.Refusal;
import org.switchboard.webex.WebexClient;

/** Chat (M3): the user's own Webex spaces and direct conversations, most recently active first. */
@Service
public class Chat {

	private final WebexClient client;
	private final WebexAsUser webex;
	private final MessagingSettings settings;

	Chat(WebexClient client, WebexAsUser webex, MessagingSettings settings) {
		this.client = client;
		this.webex = webex;
		this.settings = settings;
	}

	static final int MAX_ROOMS = 100;

	/** The user's most recently active rooms (one Webex page: enough for a panel, however many spaces the user has). */
	public List<Room> rooms(String userId) {
		settings.requireChat();
		return webex.call(userId, () -> new ProblemException(Refusal.UPSTREAM_FAILED, "Webex unavailable", "Webex did not list your spaces"),
				token -> client.roomsPage(token, Map.of("sortBy", "lastactivity", "max", String.valueOf(MAX_ROOMS))))
			.stream()
			.map(r -> new Room(r.path("id").asString(), r.path("title").asString(""), r.path("type").asString("group"),
					r.path("lastActivity").asString(null)))
			.sorted(Comparator.comparing(Room::lastActivity, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
	}

	/** What to answer for a room the user is not in (Webex shows it only to members). */
	public static Supplier<ProblemException> notFound(String roomId) {
		return () -> ProblemException.notFound("You have no conversation '" + roomId + "' in Webex");
	}

	/** A space or direct conversation; {@code title} of a direct one is the other person's name. */
	public record Room(String roomId, String title, String type, String lastActivity) {
	}
}
