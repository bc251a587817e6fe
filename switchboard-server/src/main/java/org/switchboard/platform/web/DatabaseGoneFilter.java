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
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database gone where {@link ErrorHandling} cannot see it: a failed rollback after the connection broke, or the
 * session filter (sessions live in the database). Answers 503 problem details instead of a 500.
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

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (RuntimeException | ServletException e) {
			if (!databaseGone(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
			response.resetBuffer();
			response.setHeader(HttpHeaders.RETRY_AFTER, "30");
			ProblemResponses.write(response, 503, "Temporarily unavailable", "The database cannot be reached right now; try again shortly.");
		}
	}

	private static boolean databaseGone(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof CannotGetJdbcConnectionException || t instanceof DataAccessResourceFailureException
					|| t instanceof CannotCreateTransactionException || t instanceof java.sql.SQLTransientConnectionException
					|| (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
				return true; // SQLSTATE class 08: connection exception
			}
			if (t instanceof TransactionSystemException failed && failed.getApplicationException() != null
					&& databaseGone(failed.getApplicationException())) {
				return true; // the rollback failed too, after the database went away
			}
		}
		return false;
	}
}
