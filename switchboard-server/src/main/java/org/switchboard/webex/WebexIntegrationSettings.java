package org.switchboard.webex;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Webex integration users sign in through (OAuth 2.0, created at developer.webex.com): its client id, and its
 * client secret, which is accepted on the way in, stored encrypted elsewhere and never written out
 * ({@code clientSecretSet} says whether one is stored).
 */
public record WebexIntegrationSettings(String clientId,
		@JsonProperty(access = JsonProperty.Access.WRITE_ONLY) String clientSecret, Boolean clientSecretSet) {

	public static final String SECTION = "webexIntegration";

	public WebexIntegrationSettings {
		clientId = clientId == null || clientId.isBlank() ? null : clientId.trim();
		clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret.trim();
		clientSecretSet = Boolean.TRUE.equals(clientSecretSet) || clientSecret != null;
	}

	public boolean configured() {
		return clientId != null && clientSecretSet;
	}

	@Override
	public String toString() {
		return "WebexIntegrationSettings[clientId=" + clientId + ", clientSecretSet=" + clientSecretSet + "]";
	}
}
