package org.switchboard.messaging;

/** A space is no longer tied to its record (unlinked by a user, or the record was deleted). */
public record SpaceUnlinked(String spaceId, String object, String recordId, String roomId) {
}
