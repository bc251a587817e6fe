package org.switchboard.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Forwards a local port to PostgreSQL until {@link #cut()}: then the database is gone for whoever used the port. */
public final class TcpForwarder implements AutoCloseable {

	private final ServerSocket server;
	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	public TcpForwarder(String host, int port) throws IOException {
		this.server = new ServerSocket(0);
		Thread accept = new Thread(() -> {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					Socket upstream = new Socket(host, port);
					sockets.add(client);
					sockets.add(upstream);
					pump(client, upstream);
					pump(upstream, client);
				}
				catch (IOException closed) {
					return;
				}
			}
		}, "tcp-forwarder");
		accept.setDaemon(true);
		accept.start();
	}

	public int port() {
		return server.getLocalPort();
	}

	/** Closes the listening port and every forwarded connection. */
	public void cut() throws IOException {
		server.close();
		for (Socket socket : sockets) {
			socket.close();
		}
	}

	@Override
	public void close() throws IOException {
		cut();
	}

	private static void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException closed) {
				// either side went away
			}
		}, "tcp-forwarder-pump");
		pump.setDaemon(true);
		pump.start();
	}
}
