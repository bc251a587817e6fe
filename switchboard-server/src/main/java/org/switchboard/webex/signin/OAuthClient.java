package org.switchboard.webex.signin;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.switchboard.platform.settings.SettingsStore;
import org.switchboard.webex.WebexApiException;
import org.switchboard.webex.WebexClient;
import org.switchboard.webex.WebexIntegrationSettings;

import tools.jackson.databind.JsonNode;

/** The integration's side of Webex's token endpoint: a code or a refresh token for tokens, with the client id and secret. */
@Component
public class OAuthClient {

	private final WebexClient client;
	private final SettingsStore settings;
	private final IntegrationSection section;

	OAuthClient(WebexClient client, SettingsStore settings, IntegrationSection section) {
		this.client = client;
		this.settings = settings;
		this.section = section;
	}

	public WebexIntegrationSettings settings() {
		return settings.read(section);
	}

	/** {@code grant_type=authorization_code}; Webex refusing the client is a 401, refusing the code a 400. */
	public Tokens exchange(String code, String redirectUri) {
		MultiValueMap<String, String> form = clientForm("authorization_code");
		form.add("code", code);
		form.add("redirect_uri", redirectUri);
		return tokens(client.accessToken(form));
	}

	/** {@code grant_type=refresh_token}; an expired or revoked refresh token is a 400 ({@code invalid_grant}). */
	public Tokens refresh(String refreshToken) {
		MultiValueMap<String, String> form = clientForm("refresh_token");
		form.add("refresh_token", refreshToken);
		return tokens(client.accessToken(form));
	}

	private MultiValueMap<String, String> clientForm(String grantType) {
		WebexIntegrationSettings integration = settings();
		String secret = Optional.ofNullable(integration.clientId()).flatMap(id -> section.clientSecret())
			.orElseThrow(() -> new WebexApiException(401, "No Webex integration client id and secret are configured", List.of(), null));
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("grant_type", grantType);
		form.add("client_id", integration.clientId());
		form.add("client_secret", secret);
		return form;
	}

	private static Tokens tokens(JsonNode body) {
		String scope = body.path("scope").asString("");
		return new Tokens(body.path("access_token").asString(), body.path("expires_in").asLong(0), body.path("refresh_token").asString(null),
				body.path("refresh_token_expires_in").asLong(0),
				scope.isBlank() ? List.of() : Arrays.stream(scope.trim().split("\\s+")).toList());
	}
}
