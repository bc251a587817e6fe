package dev.switchboard.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@code multipart/form-data} body into parts (name, file name, content type, bytes). */
public final class Multipart {

	private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
	private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");
	private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"");

	private Multipart() {
	}

	public static boolean is(Request request) {
		String type = request.header("Content-Type");
		return type != null && type.toLowerCase().startsWith("multipart/form-data");
	}

	public static List<Part> parse(Request request) {
		Matcher boundary = BOUNDARY.matcher(request.header("Content-Type"));
		if (!boundary.find()) {
			throw ApiError.badRequest("multipart/form-data needs a boundary");
		}
		byte[] delimiter = ("--" + boundary.group(1)).getBytes(StandardCharsets.ISO_8859_1);
		byte[] body = request.body();
		List<Part> parts = new ArrayList<>();
		int start = indexOf(body, delimiter, 0);
		while (start >= 0) {
			int headersStart = start + delimiter.length + 2;
			int next = indexOf(body, delimiter, headersStart);
			if (next < 0 || headersStart >= body.length) {
				break;
			}
			int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
			if (headersEnd < 0 || headersEnd > next) {
				throw ApiError.badRequest("A multipart part has no headers");
			}
			String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
			byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next - 2);
			parts.add(new Part(find(NAME, headers), find(FILENAME, headers), contentType(headers), content));
			start = next;
		}
		return parts;
	}

	private static String find(Pattern pattern, String headers) {
		Matcher m = pattern.matcher(headers);
		return m.find() ? m.group(1) : null;
	}

	private static String contentType(String headers) {
		for (String line : headers.split("\r\n")) {
			if (line.toLowerCase().startsWith("content-type:")) {
				return line.substring("content-type:".length()).trim();
			}
		}
		return "application/octet-stream";
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer:
		for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** One part; {@code fileName} is null for a plain field. */
	public record Part(String name, String fileName, String contentType, byte[] content) {

		public String text() {
			return new String(content, StandardCharsets.UTF_8);
		}
	}
}
