package dev.switchboard.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/** Ids in Webex's style: unpadded base64 of {@code ciscospark://us/<TYPE>/<uuid>}. */
public final class WebexIds {

	private WebexIds() {
	}

	public static String of(String type) {
		return of(type, UUID.randomUUID().toString());
	}

	public static String of(String type, String value) {
		String uri = "ciscospark://us/" + type + "/" + value;
		return Base64.getEncoder().withoutPadding().encodeToString(uri.getBytes(StandardCharsets.UTF_8));
	}

	/** A Webex meeting id: 32 lowercase hex characters. */
	public static String meeting() {
		return UUID.randomUUID().toString().replace("-", "");
	}
}
