package org.switchboard.webex.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Webex's {@code X-Spark-Signature}: lowercase hex HMAC-SHA1 of the raw body bytes, keyed with the webhook secret. */
final class Signatures {

	private Signatures() {
	}

	static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
		}
	}

	/** Constant-time comparison, so timing reveals nothing about the expected signature. */
	static boolean verify(String secret, byte[] body, String signature) {
		if (signature == null || signature.isBlank()) {
			return false;
		}
		byte[] expected = sign(secret, body).getBytes(StandardCharsets.US_ASCII);
		byte[] given = signature.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given);
	}

	static String sha256(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
