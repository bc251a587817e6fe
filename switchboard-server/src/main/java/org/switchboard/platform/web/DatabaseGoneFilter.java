package org.switchboard.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database gone where {@link ErrorHandling} cannot see it: a failed rollback after the connection broke, or the
 * session filter (sessions live in the database). Answers 503 problem details (browsers: a page) instead of a 500.
 */
class DatabaseGoneFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseGoneFilter.class);

	/** First of all filters. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<DatabaseGoneFilter> databaseGoneFilter() {
			FilterRegistrationBean<DatabaseGoneFilter> registration = new FilterRegistrationBean<>(new DatabaseGoneFilter());
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			return registration;
		}
	}

	/** A browser page (a session that cannot be read, say) gets the page; scripts, the API and health get problem JSON. */
	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("text/html") && !request.getRequestURI().contains("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException e) {
			if (!DatabaseGone.causedBy(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
			response.resetBuffer();
			response.setHeader(HttpHeaders.RETRY_AFTER, "30");
			if (Requests.isApi(request) || !acceptsHtml(request)) {
				ProblemResponses.write(response, 503, "Temporarily unavailable", "The database cannot be reached right now; try again shortly.");
				return;
			}
			response.setStatus(503);
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write(DatabaseGone.page());
		}
	}
}
