package org.switchboard.platform.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes when each request arrived, before anything else runs, so work it causes further on (a screen pop sent to a
 * browser on any replica) can be timed from the moment the webhook came in.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestArrival extends OncePerRequestFilter {

	private static final String ARRIVED = RequestArrival.class.getName() + ".arrived";

	private final Clock clock;

	RequestArrival(Clock clock) {
		this.clock = clock;
	}

	/** The arrival of the request this thread is serving, and whether it is a webhook, if it serves one. */
	public static Optional<Arrival> current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return attributes == null ? Optional.empty()
				: Optional.ofNullable((Arrival) attributes.getAttribute(ARRIVED, RequestAttributes.SCOPE_REQUEST));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		request.setAttribute(ARRIVED, new Arrival(clock.instant(), path.startsWith("/webhooks/") ? "webhook" : "request"));
		chain.doFilter(request, response);
	}

	/** @param cause {@code webhook} or {@code request} */
	public record Arrival(Instant at, String cause) {
	}
}
