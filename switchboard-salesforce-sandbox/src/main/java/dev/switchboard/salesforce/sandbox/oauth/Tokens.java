package dev.switchboard.salesforce.sandbox.oauth;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Codes, access tokens and refresh tokens the org has issued, and their revocation. */
final class Tokens {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	record Code(String clientId, String redirectUri, String scope, String challenge, String userId, String nonce, Instant expires) {
	}

	record Refresh(String clientId, String userId, String scope) {
	}

	private final Map<String, Code> codes = new ConcurrentHashMap<>();
	private final Map<String, Refresh> refreshTokens = new ConcurrentHashMap<>();
	private final Map<String, Session> sessions = new ConcurrentHashMap<>();

	static String random(int length) {
		StringBuilder token = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			token.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return token.toString();
	}

	String issueCode(Code code) {
		String value = "aPrx" + random(60);
		codes.put(value, code);
		return value;
	}

	/** The code, used up: a second exchange of the same code fails. */
	Optional<Code> redeem(String code) {
		return Optional.ofNullable(code == null ? null : codes.remove(code)).filter(c -> c.expires().isAfter(Instant.now()));
	}

	String issueRefresh(Refresh refresh) {
		String value = "5Aep861" + random(80);
		refreshTokens.put(value, refresh);
		return value;
	}

	Optional<Refresh> refresh(String token) {
		return Optional.ofNullable(token == null ? null : refreshTokens.get(token));
	}

	String issueAccess(String orgId, String userId, String refreshToken) {
		String value = orgId.substring(0, 15) + "!" + random(96);
		sessions.put(value, new Session(userId, refreshToken));
		return value;
	}

	Optional<Session> session(String accessToken) {
		return Optional.ofNullable(accessToken == null ? null : sessions.get(accessToken));
	}

	/** Revokes a refresh token with its access tokens, or one access token; false if the token is unknown. */
	boolean revoke(String token) {
		if (token != null && refreshTokens.remove(token) != null) {
			sessions.values().removeIf(s -> token.equals(s.refreshToken()));
			return true;
		}
		return token != null && sessions.remove(token) != null;
	}

	/** Ends every session; returns the access tokens that stopped working. */
	java.util.List<String> expireSessions() {
		java.util.List<String> expired = java.util.List.copyOf(sessions.keySet());
		sessions.keySet().removeAll(expired);
		return expired;
	}

	void revokeAllRefreshTokens() {
		refreshTokens.clear();
		sessions.clear();
	}
}
