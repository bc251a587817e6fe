package dev.switchboard.salesforce.sandbox.oauth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The org's OpenID Connect ID tokens: RS256 JWTs signed with the org's key, whose public half the JWKS at
 * {@code /id/keys} publishes. Claims as Salesforce documents them for the web-server flow with {@code openid}:
 * {@code iss} the login host, {@code sub} the identity URL, {@code aud} the client id, {@code iat}, {@code exp},
 * and {@code nonce} when the authorize request carried one.
 */
final class IdTokens {

	static final Duration LIFETIME = Duration.ofMinutes(5);
	private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

	private final JsonMapper json = JsonMapper.builder().build();
	private final KeyPair keys;
	private final String keyId = Tokens.random(12);
	private volatile String audienceOverride;

	IdTokens() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Fault: the next ID tokens name this audience instead of the requesting app's client id (null: back to normal). */
	void issueFor(String audience) {
		this.audienceOverride = audience;
	}

	String issue(String issuer, String identityUrl, String clientId, String nonce, Map<String, Object> profile) {
		Instant now = Instant.now();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", issuer);
		claims.put("sub", identityUrl);
		claims.put("aud", audienceOverride != null ? audienceOverride : clientId);
		claims.put("iat", now.getEpochSecond());
		claims.put("exp", now.plus(LIFETIME).getEpochSecond());
		if (nonce != null && !nonce.isEmpty()) {
			claims.put("nonce", nonce);
		}
		claims.putAll(profile);
		String signingInput = part(Map.of("alg", "RS256", "typ", "JWT", "kid", keyId)) + "." + part(claims);
		return signingInput + "." + URL.encodeToString(sign(signingInput));
	}

	/** The JSON Web Key Set: the public key that verifies every ID token. */
	Map<String, Object> jwks() {
		RSAPublicKey key = (RSAPublicKey) keys.getPublic();
		return Map.of("keys", List.of(Map.of("kty", "RSA", "kid", keyId, "use", "sig", "alg", "RS256",
				"n", unsigned(key.getModulus()), "e", unsigned(key.getPublicExponent()))));
	}

	private String part(Map<String, Object> value) {
		return URL.encodeToString(json.writeValueAsString(value).getBytes(StandardCharsets.UTF_8));
	}

	private byte[] sign(String input) {
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initSign(keys.getPrivate());
			rsa.update(input.getBytes(StandardCharsets.US_ASCII));
			return rsa.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
		return URL.encodeToString(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
	}
}
