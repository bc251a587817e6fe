/**
 * Messaging (M1–M3): Webex spaces tied to CRM records, the record's Spaces component with in-place messaging and
 * attachments, and the chat panel. Publishes {@link org.switchboard.messaging.SpaceLinked} so that other features
 * (space notifications) learn which spaces belong to which record without calling into this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging")
package org.switchboard.messaging;
