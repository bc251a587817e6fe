package org.switchboard.benchmarks;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One client's plain HTTP/1.1 keep-alive connection: writes a request's bytes as they are and reads the status and
 * the body (by Content-Length or chunked). Opens a new connection when the server closed the last one
 * ({@code Connection: close}, as Tomcat does after 100 requests), and retries once on a fresh connection when a
 * reused one turns out to be gone. Costs a fraction of the JDK HttpClient's CPU per request, so the client does not
 * take the cores the server is measured on.
 */
final class KeepAliveConnection implements AutoCloseable {

	private final int port;
	private Socket socket;
	private OutputStream out;
	private InputStream in;
	private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

	KeepAliveConnection(int port) {
		this.port = port;
	}

	/** Sends the whole request and returns the response's status code. */
	int exchange(byte[] request) throws IOException {
		boolean reused = socket != null;
		try {
			return exchangeOnce(request);
		}
		catch (IOException e) {
			close();
			if (!reused) {
				throw e;
			}
			return exchangeOnce(request);
		}
	}

	private int exchangeOnce(byte[] request) throws IOException {
		if (socket == null) {
			open();
		}
		out.write(request);
		out.flush();
		int status = Integer.parseInt(readLine().split(" ", 3)[1]);
		long length = -1;
		boolean chunked = false;
		boolean closes = false;
		for (String header = readLine(); !header.isEmpty(); header = readLine()) {
			String lower = header.toLowerCase(Locale.ROOT);
			if (lower.startsWith("content-length:")) {
				length = Long.parseLong(lower.substring(15).trim());
			}
			else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				chunked = true;
			}
			else if (lower.startsWith("connection:") && lower.contains("close")) {
				closes = true;
			}
		}
		if (chunked) {
			skipChunks();
		}
		else if (length > 0) {
			skip(length);
		}
		if (closes) {
			close();
		}
		return status;
	}

	private void open() throws IOException {
		socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		out = socket.getOutputStream();
		in = new BufferedInputStream(socket.getInputStream(), 8192);
	}

	private void skipChunks() throws IOException {
		while (true) {
			long length = chunkSize(readLine());
			if (length == 0) {
				while (!readLine().isEmpty()) {
					// trailers
				}
				return;
			}
			skip(length);
			readLine();
		}
	}

	private void skip(long length) throws IOException {
		long left = length;
		while (left > 0) {
			long skipped = in.skip(left);
			if (skipped <= 0) {
				if (in.read() < 0) {
					throw new IOException("connection closed inside a response body");
				}
				skipped = 1;
			}
			left -= skipped;
		}
	}

	private String readLine() throws IOException {
		return readLine(in, line);
	}

	/** One line of an HTTP head or chunk header, without its CR LF; {@code buffer} is reused. */
	static String readLine(InputStream in, ByteArrayOutputStream buffer) throws IOException {
		buffer.reset();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b < 0) {
				throw new IOException("connection closed before the line ended");
			}
			if (b != '\r') {
				buffer.write(b);
			}
		}
		return buffer.toString(StandardCharsets.ISO_8859_1);
	}

	/** The length a chunk header line gives (hexadecimal, extensions after ';' ignored). */
	static long chunkSize(String header) {
		int semicolon = header.indexOf(';');
		return Long.parseLong((semicolon >= 0 ? header.substring(0, semicolon) : header).trim(), 16);
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException e) {
				// closing anyway
			}
		}
		socket = null;
	}
}
