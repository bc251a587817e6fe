package org.switchboard.webex;

/** A CRM user linked to a Webex person (the token stays inside the webex module). */
public record WebexAccount(String userId, String personId, String email, String displayName) {
}
