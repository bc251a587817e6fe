package org.switchboard.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * An agent's live stream ({@code GET /api/calling/events}) read line by line over a plain socket, as cheaply as the
 * lean webhook client posts. {@link #open} returns once the server has registered the stream (its first line is
 * the {@code :connected} comment), so no call is posted before the agent can see it.
 */
final class EventStream implements AutoCloseable {

	private final Socket socket;

	private EventStream(Socket socket) {
		this.socket = socket;
	}

	static EventStream open(int port, String user, Consumer<String> onLine) throws Exception {
		Socket socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		String credentials = Base64.getEncoder().encodeToString((user + ":switchboard").getBytes(StandardCharsets.UTF_8));
		socket.getOutputStream().write(("GET /api/calling/events HTTP/1.1\r\nHost: 127.0.0.1:" + port
				+ "\r\nAccept: text/event-stream\r\nAuthorization: Basic " + credentials + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
		InputStream in = new BufferedInputStream(socket.getInputStream(), 16_384);
		String status = readLine(in);
		if (!status.contains(" 200")) {
			socket.close();
			throw new IllegalStateException("the event stream was refused: " + status);
		}
		boolean chunked = false;
		for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
			chunked |= header.toLowerCase(Locale.ROOT).matches("transfer-encoding:.*chunked.*");
		}
		CountDownLatch connected = new CountDownLatch(1);
		Lines lines = new Lines(line -> {
			if (line.startsWith(":connected")) {
				connected.countDown();
			}
			onLine.accept(line);
		});
		boolean dechunk = chunked;
		Thread reader = new Thread(() -> read(in, dechunk, lines), "event-stream");
		reader.setDaemon(true);
		reader.start();
		if (!connected.await(30, TimeUnit.SECONDS)) {
			socket.close();
			throw new IllegalStateException("the event stream sent no :connected comment in 30 s");
		}
		return new EventStream(socket);
	}

	private static void read(InputStream in, boolean chunked, Lines lines) {
		try {
			if (!chunked) {
				for (int b = in.read(); b >= 0; b = in.read()) {
					lines.accept(b);
				}
				return;
			}
			for (long size = chunkSize(in); size > 0; size = chunkSize(in)) {
				for (long i = 0; i < size; i++) {
					int b = in.read();
					if (b < 0) {
						return;
					}
					lines.accept(b);
				}
				readLine(in);
			}
		}
		catch (IOException closed) {
			// the stream was closed by close() or by the server
		}
	}

	private static long chunkSize(InputStream in) throws IOException {
		return KeepAliveConnection.chunkSize(readLine(in));
	}

	private static String readLine(InputStream in) throws IOException {
		return KeepAliveConnection.readLine(in, new ByteArrayOutputStream(64));
	}

	/** Bytes of the event stream's body put together into UTF-8 lines. */
	private static final class Lines {

		private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);
		private final Consumer<String> onLine;

		Lines(Consumer<String> onLine) {
			this.onLine = onLine;
		}

		void accept(int b) {
			if (b == '\n') {
				onLine.accept(line.toString(StandardCharsets.UTF_8));
				line.reset();
			}
			else if (b != '\r') {
				line.write(b);
			}
		}
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}
}
