package org.switchboard.crm.salesforce;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.switchboard.crm.salesforce.OAuthClient.OAuthRefused;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a Salesforce ID token (an RS256 JWT) before anyone is signed in with it: the signature against the org's
 * JWKS ({@code <login host>/id/keys}, keys cached by {@code kid} and fetched again for an unknown one), the issuer
 * (the login host the org was connected through), the audience (the app's client id), the expiry (one minute of
 * clock skew) and the {@code nonce} of this sign-in. Each failure is an {@link OAuthRefused} whose error names it.
 */
class IdTokenVerifier {

	private static final Duration SKEW = Duration.ofMinutes(1);
	private static final Base64.Decoder URL = Base64.getUrlDecoder();

	private final OAuthClient oauth;
	private final JsonMapper json;
	private final Clock clock;
	private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

	IdTokenVerifier(OAuthClient oauth, JsonMapper json, Clock clock) {
		this.oauth = oauth;
		this.json = json;
		this.clock = clock;
	}

	/** The verified claims. */
	JsonNode verify(String idToken, String issuer, String audience, String nonce) {
		String[] parts = idToken.split("\\.");
		if (parts.length != 3) {
			throw new OAuthRefused("id_token_malformed", "the ID token is not a signed JWT");
		}
		JsonNode header = decode(parts[0]);
		if (!"RS256".equals(header.path("alg").asString(""))) {
			throw new OAuthRefused("id_token_algorithm", "the ID token is not signed with RS256");
		}
		if (!signatureMatches(key(OAuthClient.trim(issuer), header.path("kid").asString("")), parts)) {
			throw new OAuthRefused("id_token_signature", "the ID token's signature does not match the org's keys");
		}
		JsonNode claims = decode(parts[1]);
		check(OAuthClient.trim(issuer).equals(claims.path("iss").asString("")), "id_token_issuer");
		check(audiences(claims).contains(audience), "id_token_audience");
		check(clock.instant().minus(SKEW).getEpochSecond() < claims.path("exp").asLong(0), "id_token_expired");
		check(nonce.equals(claims.path("nonce").asString("")), "id_token_nonce");
		return claims;
	}

	private static void check(boolean holds, String error) {
		if (!holds) {
			throw new OAuthRefused(error, error.replace('_', ' '));
		}
	}

	private static java.util.List<String> audiences(JsonNode claims) {
		JsonNode aud = claims.path("aud");
		return aud.isArray() ? aud.valueStream().map(a -> a.asString("")).toList() : java.util.List.of(aud.asString(""));
	}

	private PublicKey key(String loginUrl, String kid) {
		PublicKey known = keys.get(loginUrl + " " + kid);
		if (known != null) {
			return known;
		}
		for (JsonNode jwk : oauth.jwks(loginUrl).path("keys")) {
			if ("RSA".equals(jwk.path("kty").asString(""))) {
				keys.put(loginUrl + " " + jwk.path("kid").asString(""), rsa(jwk));
			}
		}
		PublicKey fetched = keys.get(loginUrl + " " + kid);
		if (fetched == null) {
			throw new OAuthRefused("id_token_signature", "the org publishes no key " + kid);
		}
		return fetched;
	}

	private static PublicKey rsa(JsonNode jwk) {
		try {
			return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
					new BigInteger(1, URL.decode(jwk.path("n").asString(""))), new BigInteger(1, URL.decode(jwk.path("e").asString("")))));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new OAuthRefused("id_token_signature", "the org's key " + jwk.path("kid").asString("") + " is not a usable RSA key");
		}
	}

	private static boolean signatureMatches(PublicKey key, String[] parts) {
		try {
			Signature rsa = Signature.getInstance("SHA256withRSA");
			rsa.initVerify(key);
			rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
			return rsa.verify(URL.decode(parts[2]));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	private JsonNode decode(String part) {
		try {
			return json.readTree(new String(URL.decode(part), StandardCharsets.UTF_8));
		}
		catch (RuntimeException e) {
			throw new OAuthRefused("id_token_malformed", "the ID token is not a JWT");
		}
	}
}
