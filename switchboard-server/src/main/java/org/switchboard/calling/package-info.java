/**
 * Calling (C1–C8): the dialer and its type-ahead, click-to-call, inbound calls matched to records and popped
 * live in the user's browser, call logs written as Tasks (with drafts so that no call is lost), call history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calling")
package org.switchboard.calling;
