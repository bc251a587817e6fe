package dev.switchboard.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Routes requests to handlers by method and path template ({@code /v1/rooms/{roomId}}), writes JSON answers
 * with a {@code TrackingID} header, and turns {@link ApiError}s into Webex's error body. Never answers 500
 * for bad input.
 */
public class Router implements HttpHandler {

	private static final Logger log = LoggerFactory.getLogger(Router.class);
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final int MAX_BODY = 101 * 1024 * 1024;

	private final List<Route> routes = new ArrayList<>();
	private final List<Filter> filters = new ArrayList<>();

	public Router on(String method, String template, Handler handler) {
		routes.add(new Route(method, compile(template), names(template), handler));
		return this;
	}

	public Router filter(Filter filter) {
		filters.add(filter);
		return this;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		String trackingId = exchange.getRequestHeaders().getFirst("TrackingID");
		trackingId = trackingId == null ? "ROUTER_" + UUID.randomUUID() : trackingId;
		Response response;
		try {
			response = dispatch(exchange);
		}
		catch (ApiError error) {
			response = new Response(error.status(), new LinkedHashMap<>(error.headers()), error.body(trackingId), null, null);
		}
		catch (RuntimeException unexpected) {
			log.error("Sandbox failure on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), unexpected);
			response = new Response(500, new LinkedHashMap<>(), new ApiError(500, "Internal sandbox error").body(trackingId), null, null);
		}
		write(exchange, response, trackingId);
	}

	private Response dispatch(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String method = exchange.getRequestMethod();
		for (Route route : routes) {
			Matcher matcher = route.pattern().matcher(path);
			if (matcher.matches() && route.method().equals(method)) {
				Map<String, String> params = new LinkedHashMap<>();
				for (int i = 0; i < route.names().size(); i++) {
					params.put(route.names().get(i), matcher.group(i + 1));
				}
				Request request = new Request(method, exchange.getRequestURI(), params, exchange.getRequestHeaders(), readBody(exchange));
				for (Filter filter : filters) {
					filter.before(request);
				}
				return route.handler().handle(request);
			}
		}
		// Webex answers any path or method it does not serve alike: 404 with its error body.
		throw new ApiError(404, "The requested resource could not be found.");
	}

	private static byte[] readBody(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			byte[] body = in.readNBytes(MAX_BODY + 1);
			if (body.length > MAX_BODY) {
				throw new ApiError(413, "The request is larger than 100 MB");
			}
			return body;
		}
	}

	private static void write(HttpExchange exchange, Response response, String trackingId) throws IOException {
		exchange.getResponseHeaders().set("TrackingID", trackingId);
		response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
		byte[] body = response.raw() != null ? response.raw()
				: response.json() == null ? new byte[0] : JSON.writeValueAsBytes(response.json());
		if (body.length > 0) {
			exchange.getResponseHeaders().set("Content-Type", response.contentType() != null ? response.contentType() : "application/json;charset=UTF-8");
		}
		if ("HEAD".equals(exchange.getRequestMethod())) {
			exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
			exchange.sendResponseHeaders(response.status(), -1);
			exchange.close();
			return;
		}
		exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static Pattern compile(String template) {
		return Pattern.compile(template.replaceAll("\\{[^/]+}", "([^/]+)"));
	}

	private static List<String> names(String template) {
		List<String> names = new ArrayList<>();
		Matcher m = Pattern.compile("\\{([^/]+)}").matcher(template);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	/** Handles one route. */
	public interface Handler {

		Response handle(Request request);
	}

	/** Runs before every routed request, e.g. authentication or fault injection. */
	public interface Filter {

		void before(Request request);
	}

	private record Route(String method, Pattern pattern, List<String> names, Handler handler) {
	}
}
