package org.switchboard.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs Debian's {@code wrk} (a C load generator, so the client does not compete with the server for CPU). */
final class Wrk {

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
	private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private Wrk() {
	}

	static boolean available() {
		return Files.isExecutable(Path.of("/usr/bin/wrk"));
	}

	static Result run(String url, int seconds, int connections, Path deliveries, int threads) throws IOException, InterruptedException {
		Path script = Files.createTempFile("signed-deliveries", ".lua");
		try (InputStream in = Wrk.class.getResourceAsStream("/signed-deliveries.lua")) {
			Files.write(script, in.readAllBytes());
		}
		Process process = new ProcessBuilder(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s",
				"-s", script.toString(), url, "--", deliveries.toString(), String.valueOf(threads)))
			.redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		return new Result(number(RATE, output), (long) number(TOTAL, output), (long) number(NON_2XX, output));
	}

	private static double number(Pattern pattern, String output) {
		Matcher m = pattern.matcher(output);
		return m.find() ? Double.parseDouble(m.group(1)) : 0;
	}

	record Result(double perSecond, long requests, long failed) {

		long acknowledged() {
			return requests - failed;
		}
	}
}
