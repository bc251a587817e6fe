package org.switchboard.webex.client;

import org.springframework.http.HttpHeaders;

/** A raw Webex answer: status, headers and body bytes (status 0 when no answer came). */
public record WebexResponse(int status, HttpHeaders headers, byte[] body) {

	static WebexResponse unreachable() {
		return new WebexResponse(0, new HttpHeaders(), new byte[0]);
	}

	boolean isSuccess() {
		return status >= 200 && status < 300;
	}

	String trackingId() {
		return headers.getFirst("TrackingID");
	}
}
