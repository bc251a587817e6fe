package org.switchboard.crm.salesforce;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.switchboard.crm.salesforce.OAuthClient.OAuthRefused;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks a Salesforce ID token (an RS256 JWT, parsed and verified with Nimbus JOSE + JWT) before anyone is signed in
 * with it: the signature against the org's JWKS ({@code <login host>/id/keys}, keys cached by {@code kid} and fetched
 * again for an unknown one), the issuer (the login host the org was connected through), the audience (the app's
 * client id), the expiry (one minute of clock skew) and the {@code nonce} of this sign-in. Each failure is an
 * {@link OAuthRefused} whose error names it.
 */
class IdTokenVerifier {

	private static final Duration SKEW = Duration.ofMinutes(1);

	private final OAuthClient oauth;
	private final JsonMapper json;
	private final Clock clock;
	private final Map<String, RSAKey> keys = new ConcurrentHashMap<>();

	IdTokenVerifier(OAuthClient oauth, JsonMapper json, Clock clock) {
		this.oauth = oauth;
		this.json = json;
		this.clock = clock;
	}

	/** The verified claims. */
	JsonNode verify(String idToken, String issuer, String audience, String nonce) {
		SignedJWT jwt = parse(idToken);
		if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
			throw new OAuthRefused("id_token_algorithm", "the ID token is not signed with RS256");
		}
		RSAKey key = key(OAuthClient.trim(issuer), jwt.getHeader().getKeyID() == null ? "" : jwt.getHeader().getKeyID());
		if (!signatureMatches(jwt, key)) {
			throw new OAuthRefused("id_token_signature", "the ID token's signature does not match the org's keys");
		}
		JsonNode claims = json.readTree(jwt.getPayload().toString());
		check(OAuthClient.trim(issuer).equals(claims.path("iss").asString("")), "id_token_issuer");
		check(audiences(claims).contains(audience), "id_token_audience");
		check(clock.instant().minus(SKEW).getEpochSecond() < claims.path("exp").asLong(0), "id_token_expired");
		check(nonce.equals(claims.path("nonce").asString("")), "id_token_nonce");
		return claims;
	}

	private static SignedJWT parse(String idToken) {
		try {
			return SignedJWT.parse(idToken);
		}
		catch (ParseException e) {
			throw new OAuthRefused("id_token_malformed", "the ID token is not a signed JWT");
		}
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

	private RSAKey key(String loginUrl, String kid) {
		RSAKey known = keys.get(loginUrl + " " + kid);
		if (known != null) {
			return known;
		}
		try {
			for (JWK jwk : JWKSet.parse(json.writeValueAsString(oauth.jwks(loginUrl))).getKeys()) {
				if (jwk instanceof RSAKey rsa) {
					keys.put(loginUrl + " " + (rsa.getKeyID() == null ? "" : rsa.getKeyID()), rsa);
				}
			}
		}
		catch (ParseException e) {
			throw new OAuthRefused("id_token_signature", "the org's signing keys are not a JWK set");
		}
		RSAKey fetched = keys.get(loginUrl + " " + kid);
		if (fetched == null) {
			throw new OAuthRefused("id_token_signature", "the org publishes no key " + kid);
		}
		return fetched;
	}

	private static boolean signatureMatches(SignedJWT jwt, RSAKey key) {
		try {
			return jwt.verify(new RSASSAVerifier(key));
		}
		catch (JOSEException e) {
			throw new OAuthRefused("id_token_signature", "the org's key " + key.getKeyID() + " is not a usable RSA key");
		}
	}
}
