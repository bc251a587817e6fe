package dev.switchboard.sandbox.spaces;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.switchboard.sandbox.http.ApiError;
import dev.switchboard.sandbox.http.Multipart;

/**
 * Fetches the file of a JSON message's {@code files: [url]}, as Webex does with a public URL. The sandbox only
 * fetches from this machine (a loopback address), so a test can serve the file and nothing reaches out.
 */
final class RemoteFile {

	private static final Pattern FILENAME = Pattern.compile("filename=\"?([^\";]+)\"?");
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER).build();

	private RemoteFile() {
	}

	static Multipart.Part fetch(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException e) {
			throw ApiError.badRequest("files must hold one http(s) URL");
		}
		if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null || !loopback(uri.getHost())) {
			throw ApiError.badRequest("The sandbox fetches files only from this machine (localhost); upload others as multipart/form-data");
		}
		try {
			HttpResponse<InputStream> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
					HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream in = response.body()) {
				if (response.statusCode() / 100 != 2) {
					throw ApiError.badRequest("The file at " + url + " could not be fetched: HTTP " + response.statusCode());
				}
				byte[] content = in.readNBytes((int) Spaces.FILE_LIMIT_BYTES + 1);
				if (content.length > Spaces.FILE_LIMIT_BYTES) {
					throw new ApiError(413, "Files may be at most 100 MB");
				}
				String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
				return new Multipart.Part("files", fileName(uri, response), type, content);
			}
		}
		catch (IOException e) {
			throw ApiError.badRequest("The file at " + url + " could not be fetched");
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw ApiError.badRequest("The file at " + url + " could not be fetched");
		}
	}

	private static boolean loopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (IOException e) {
			return false;
		}
	}

	private static String fileName(URI uri, HttpResponse<?> response) {
		Matcher m = FILENAME.matcher(response.headers().firstValue("Content-Disposition").orElse(""));
		if (m.find()) {
			return m.group(1);
		}
		String path = uri.getPath() == null ? "" : uri.getPath();
		String last = path.substring(path.lastIndexOf('/') + 1);
		return last.isEmpty() ? "file" : last;
	}
}
