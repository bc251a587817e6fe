package org.switchboard.webex.signin;

import java.util.List;

/** What Webex's {@code /access_token} answers; {@link #toString()} never shows a token. */
public record Tokens(String accessToken, long expiresIn, String refreshToken, long refreshTokenExpiresIn, List<String> scopes) {

	@Override
	public String toString() {
		return "Tokens[expiresIn=" + expiresIn + ", refreshTokenExpiresIn=" + refreshTokenExpiresIn + ", scopes=" + scopes + "]";
	}
}
