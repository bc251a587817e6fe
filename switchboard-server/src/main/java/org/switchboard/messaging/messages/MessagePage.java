package org.switchboard.messaging.messages;

import java.util.List;

/** One page of a room's messages, newest first; {@code before} (the oldest id here) asks for the next, or is null at the start. */
public record MessagePage(List<MessageView> messages, String before) {
}
