/**
 * Meetings (T1–T5): Webex meetings scheduled from a record and tied to it, the record's Webex Meetings component,
 * the calendar panel, the meetings settings section, and meeting logs (an ended meeting becomes one Event on its
 * record).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Meetings")
package org.switchboard.meetings;
