package org.switchboard.benchmarks;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A benchmark's server in a JVM of its own: the load's clients then do not share the server's CPU, heap or JIT, its
 * CPU can be read from the OS apart from theirs ({@link CpuUse}), and it can be killed with {@code kill -9}
 * ({@link Process#destroyForcibly()} sends SIGKILL on Linux). The child runs this jar's {@code <entry>} command and
 * answers on standard output with lines that start with an upper-case word ({@code READY <port>}, …); every other
 * line it prints is passed on, indented. Commands go to it on standard input, one per line.
 */
final class ServerProcess {

	private final Process process;
	private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
	private final PrintWriter commands;
	private int port;

	private ServerProcess(Process process) {
		this.process = process;
		this.commands = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
		Thread reader = new Thread(() -> {
			try (var lines = process.inputReader()) {
				lines.lines().forEach(line -> {
					if (line.matches("[A-Z][A-Z-]+( .*)?")) {
						answers.add(line);
					}
					else {
						System.out.println("  [server] " + line);
					}
				});
			}
			catch (IOException e) {
				// the process was killed
			}
			answers.add("EXITED");
		}, "server-output");
		reader.setDaemon(true);
		reader.start();
	}

	/** Starts {@code java [jvmFlags] -jar <this jar> <entry> <arguments> --<database setting>=…}. */
	static ServerProcess start(String entry, List<String> arguments, BenchDatabase database, List<String> jvmFlags) throws IOException {
		String javaBin = ProcessHandle.current().info().command().orElse("java");
		String classPath = System.getProperty("java.class.path");
		List<String> command = new ArrayList<>(List.of(javaBin, "-Xmx1g"));
		command.addAll(jvmFlags);
		if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
			command.addAll(List.of("-jar", classPath));
		}
		else {
			command.addAll(List.of("-cp", classPath, Benchmarks.class.getName()));
		}
		command.add(entry);
		command.addAll(arguments);
		database.properties().forEach((key, value) -> command.add("--" + key + "=" + value));
		return new ServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
	}

	/** The child's next answer, which must start with {@code word}; fails when it exits or does not answer in time. */
	String await(String word, int seconds) throws Exception {
		String line = answers.poll(seconds, TimeUnit.SECONDS);
		if (line == null || !line.startsWith(word)) {
			kill();
			throw new IllegalStateException("expected " + word + " from the server, got " + (line == null ? "nothing in " + seconds + " s" : line));
		}
		return line.substring(word.length()).trim();
	}

	/** Waits for {@code READY <port>}; the child prints it once it listens. */
	void awaitReady(int seconds) throws Exception {
		port = Integer.parseInt(await("READY", seconds));
	}

	int port() {
		return port;
	}

	void send(String command) {
		commands.println(command);
	}

	ProcessHandle process() {
		return process.toHandle();
	}

	/**
	 * Starts ({@code JFR.start name=… settings=profile}) or stops and writes ({@code JFR.stop name=… filename=…}) a
	 * flight recording in the server through {@code jcmd}, so a recording covers exactly the measured runs.
	 */
	void jcmd(String... command) throws IOException, InterruptedException {
		String jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd").toString();
		List<String> line = new ArrayList<>(List.of(jcmd, Long.toString(process.pid())));
		line.addAll(List.of(command));
		Process run = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(run.getInputStream().readAllBytes());
		if (run.waitFor() != 0) {
			throw new IllegalStateException("jcmd failed: " + output);
		}
	}

	/** SIGKILL, no shutdown hook or graceful stop runs. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(60, TimeUnit.SECONDS);
	}

	/** Waits for the child to exit by itself. */
	void awaitExit(int seconds) throws InterruptedException {
		process.waitFor(seconds, TimeUnit.SECONDS);
	}
}
