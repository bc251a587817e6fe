package org.switchboard.platform.secrets;

/**
 * A request body carrying a Webex access token ({@code {"accessToken":"…"}}). Its text form hides the token, since
 * frameworks log request bodies at DEBUG ("Read … to [AccessTokenRequest[accessToken=(hidden)]]").
 */
public record AccessTokenRequest(String accessToken) {

	@Override
	public String toString() {
		return "AccessTokenRequest[accessToken=(hidden)]";
	}
}
