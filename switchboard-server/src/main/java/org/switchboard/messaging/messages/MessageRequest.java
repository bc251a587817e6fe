package org.switchboard.messaging.messages;

/** A message to post: plain {@code text} or {@code markdown} (Webex renders markdown; text is its fallback). */
public record MessageRequest(String text, String markdown) {
}
