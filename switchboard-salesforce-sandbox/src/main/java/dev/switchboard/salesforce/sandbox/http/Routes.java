package dev.switchboard.salesforce.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches by method and path regex, runs the filters of the matched route's group, and writes
 * {@link SfError}s in Salesforce's shapes. Also sums the time spent handling requests, so a benchmark can
 * print the double's own share beside the client's.
 */
public final class Routes implements HttpHandler {

	private static final Logger log = LoggerFactory.getLogger(Routes.class);
	private static final int MAX_BODY = 150 * 1024 * 1024;

	private final List<Route> routes = new ArrayList<>();
	private final AtomicLong handlingNanos = new AtomicLong();
	private final AtomicLong handled = new AtomicLong();

	/** Adds a route; {@code guard} runs first (authentication, limits, faults) and may be null. */
	public Routes on(String method, String regex, Filter guard, Handler handler) {
		routes.add(new Route(method, Pattern.compile(regex), guard, handler));
		return this;
	}

	public long handlingNanos() {
		return handlingNanos.get();
	}

	public long handled() {
		return handled.get();
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		long started = System.nanoTime();
		Reply reply;
		try {
			reply = dispatch(exchange);
		}
		catch (SfError error) {
			reply = Reply.json(error.status(), error.body());
		}
		catch (RuntimeException unexpected) {
			log.error("Salesforce sandbox failure on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), unexpected);
			reply = Reply.json(500, SfError.of(500, "UNKNOWN_EXCEPTION", "An unexpected error occurred").body());
		}
		byte[] body = reply.raw() != null ? reply.raw() : reply.json() == null ? new byte[0] : Call.JSON.writeValueAsBytes(reply.json());
		reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
		if (body.length > 0) {
			exchange.getResponseHeaders().set("Content-Type", reply.contentType() != null ? reply.contentType() : "application/json;charset=UTF-8");
		}
		handlingNanos.addAndGet(System.nanoTime() - started);
		handled.incrementAndGet();
		exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private Reply dispatch(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		boolean pathKnown = false;
		for (Route route : routes) {
			Matcher matcher = route.pattern().matcher(path);
			if (!matcher.matches()) {
				continue;
			}
			pathKnown = true;
			if (route.method().equals(exchange.getRequestMethod())) {
				Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI(), matcher,
						exchange.getRequestHeaders(), readBody(exchange));
				if (route.guard() != null) {
					route.guard().check(call);
				}
				return route.handler().handle(call);
			}
		}
		if (pathKnown) {
			throw SfError.of(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + exchange.getRequestMethod() + "' not allowed");
		}
		throw SfError.of(404, "NOT_FOUND", "The requested resource does not exist");
	}

	private static byte[] readBody(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readNBytes(MAX_BODY + 1);
			if (body.length > MAX_BODY) {
				throw SfError.of(413, "REQUEST_ENTITY_TOO_LARGE", "The request is larger than 150 MB");
			}
			return body;
		}
	}

	/** Handles one route. */
	public interface Handler {

		Reply handle(Call call);
	}

	/** Checks a call before its handler runs; refuses by throwing {@link SfError}. */
	public interface Filter {

		void check(Call call);
	}

	private record Route(String method, Pattern pattern, Filter guard, Handler handler) {
	}
}
