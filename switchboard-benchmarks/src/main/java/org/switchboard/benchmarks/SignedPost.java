package org.switchboard.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;

/**
 * The bytes of a signed webhook POST as Webex sends it ({@code X-Spark-Signature}: HMAC-SHA1 of the body with the
 * webhook's secret), for writing over a {@link KeepAliveConnection}. One per thread: the signer is not thread-safe.
 */
final class SignedPost {

	private final Mac mac = ScreenPopBenchmark.signer();
	private final byte[] head;

	SignedPost(int port, String path) {
		this.head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nContent-Type: application/json\r\nX-Spark-Signature: ").getBytes(StandardCharsets.US_ASCII);
	}

	byte[] request(byte[] body) {
		byte[] rest = (HexFormat.of().formatHex(mac.doFinal(body)) + "\r\nContent-Length: " + body.length + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] request = Arrays.copyOf(head, head.length + rest.length + body.length);
		System.arraycopy(rest, 0, request, head.length, rest.length);
		System.arraycopy(body, 0, request, head.length + rest.length, body.length);
		return request;
	}
}
