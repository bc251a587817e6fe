package org.switchboard.crm.salesforce;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Salesforce's OAuth endpoints (reference §1): the authorize URL with PKCE, the code exchange, the refresh grant,
 * revoke and userinfo. Every token response's {@code signature} (HMAC-SHA256 of {@code id + issued_at} keyed with
 * the client secret) is verified. Errors become {@link OAuthRefused} with Salesforce's {@code error} code.
 */
class OAuthClient {

	static final String SCOPES = "api refresh_token offline_access";

	private final HttpClient http;
	private final JsonMapper json;

	OAuthClient(HttpClient http, JsonMapper json) {
		this.http = http;
		this.json = json;
	}

	/** Salesforce's refusal, e.g. {@code invalid_grant} for a revoked refresh token or {@code invalid_client} for a wrong secret. */
	static class OAuthRefused extends RuntimeException {

		private final String error;

		OAuthRefused(String error, String description) {
			super(error + ": " + description, null, false, false);
			this.error = error;
		}

		String error() {
			return error;
		}
	}

	static String authorizeUrl(String loginUrl, String clientId, String redirectUri, String state, String verifier) {
		return trim(loginUrl) + "/services/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", clientId,
				"redirect_uri", redirectUri, "scope", SCOPES, "state", state, "code_challenge", challenge(verifier)));
	}

	/** The authorize URL of a user's sign-in: scope {@code openid} only (no API access, no refresh token), with a nonce. */
	static String signInUrl(String loginUrl, String clientId, String redirectUri, String state, String verifier, String nonce) {
		return trim(loginUrl) + "/services/oauth2/authorize?" + form(Map.of("response_type", "code", "client_id", clientId,
				"redirect_uri", redirectUri, "scope", "openid", "state", state, "code_challenge", challenge(verifier), "nonce", nonce));
	}

	/** The org's JSON Web Key Set, {@code <login host>/id/keys}, which verifies its ID tokens. */
	JsonNode jwks(String loginUrl) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(trim(loginUrl) + "/id/keys")).GET());
		if (response.statusCode() != 200) {
			throw new OAuthRefused("jwks_" + response.statusCode(), "the org did not answer its signing keys");
		}
		return json.readTree(response.body());
	}

	TokenResponse exchange(String loginUrl, String clientId, String clientSecret, String code, String redirectUri, String verifier) {
		return token(loginUrl, clientSecret, Map.of("grant_type", "authorization_code", "code", code, "client_id", clientId,
				"client_secret", clientSecret, "redirect_uri", redirectUri, "code_verifier", verifier));
	}

	TokenResponse refresh(OrgLink link) {
		return token(link.loginUrl(), link.clientSecret(), Map.of("grant_type", "refresh_token", "refresh_token", link.refreshToken(),
				"client_id", link.clientId(), "client_secret", link.clientSecret()));
	}

	void revoke(String loginUrl, String token) {
		send(HttpRequest.newBuilder(URI.create(trim(loginUrl) + "/services/oauth2/revoke"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(Map.of("token", token)))));
	}

	JsonNode userinfo(String instanceUrl, String accessToken) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(trim(instanceUrl) + "/services/oauth2/userinfo"))
			.header("Authorization", "Bearer " + accessToken).GET());
		if (response.statusCode() != 200) {
			throw new OAuthRefused("userinfo_" + response.statusCode(), "the org did not answer who the user is");
		}
		return json.readTree(response.body());
	}

	/**
	 * {@code GET /limits} with a fresh token: proves the org and user may use the REST API (an org or user without API
	 * access answers 403 {@code API_DISABLED_FOR_ORG} / {@code API_CURRENTLY_DISABLED}).
	 */
	JsonNode limits(String instanceUrl, String accessToken) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(trim(instanceUrl) + "/services/data/" + SalesforceApi.VERSION + "/limits"))
			.header("Authorization", "Bearer " + accessToken).GET());
		JsonNode body = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
		if (response.statusCode() != 200) {
			JsonNode first = body.isArray() && !body.isEmpty() ? body.get(0) : json.createObjectNode();
			throw new OAuthRefused(first.path("errorCode").asString("HTTP_" + response.statusCode()), first.path("message").asString(""));
		}
		return body;
	}

	private TokenResponse token(String loginUrl, String clientSecret, Map<String, String> params) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(trim(loginUrl) + "/services/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(form(params))));
		JsonNode body = response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
		if (response.statusCode() != 200) {
			throw new OAuthRefused(body.path("error").asString("http_" + response.statusCode()), body.path("error_description").asString(""));
		}
		String id = body.path("id").asString("");
		if (!sign(clientSecret, id + body.path("issued_at").asString("")).equals(body.path("signature").asString())) {
			throw new OAuthRefused("invalid_signature", "the token response's signature does not match the client secret");
		}
		return new TokenResponse(body.path("access_token").asString(), body.path("refresh_token").asString(null),
				body.path("instance_url").asString(), id, body.path("id_token").asString(null));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new OAuthRefused("unreachable", "Salesforce could not be reached: " + e.getClass().getSimpleName());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new OAuthRefused("interrupted", "interrupted");
		}
	}

	static String challenge(String verifier) {
		try {
			return Base64.getUrlEncoder().withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String sign(String secret, String data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static String form(Map<String, String> params) {
		return new LinkedHashMap<>(params).entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	static String trim(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}
}
