package org.switchboard.platform.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on writes under {@code /api} (ADR 0022): the first request with a key is answered as usual
 * and its answer kept for a while; a second request from the same user with the same key gets that answer again
 * (with {@code Idempotent-Replayed: true}) without acting twice, waiting for the first if it is still running. The
 * same key on a different request is refused with 422. An answer of 5xx or an exception is not kept.
 */
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";
	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
	private static final int MAX_KEY = 255;
	private static final int MAX_BODY = 4 * 1024 * 1024;
	private static final long WAIT_MILLIS = 15_000;

	private final IdempotentRequests store;

	IdempotencyFilter(IdempotentRequests store) {
		this.store = store;
	}

	/** After Spring Security (the user is known, CSRF checked), before the controllers. */
	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotentRequests store) {
			FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(store));
			registration.addUrlPatterns("/api/*");
			registration.setOrder(0);
			return registration;
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !WRITES.contains(request.getMethod()) || request.getHeader(HEADER) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String key = request.getHeader(HEADER).trim();
		Optional<String> principal = principal();
		if (principal.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
			ProblemResponses.write(response, 400, "Bad Idempotency-Key", "An Idempotency-Key is 1 to 255 visible ASCII characters");
			return;
		}
		// The container parses these bodies itself (parts, parameters); their fingerprint is the method and URL alone.
		String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
		boolean multipart = type.startsWith("multipart/") || type.startsWith("application/x-www-form-urlencoded");
		byte[] body = multipart ? new byte[0] : request.getInputStream().readNBytes(MAX_BODY + 1);
		if (body.length > MAX_BODY) {
			ProblemResponses.write(response, 413, "Too large", "A request with an Idempotency-Key may carry at most 4 MB");
			return;
		}
		HttpServletRequest forward = multipart ? request : new CachedBody(request, body);
		String fingerprint = fingerprint(request, body);
		if (store.claim(principal.get(), key, fingerprint)) {
			answerFirst(principal.get(), key, forward, response, chain);
		}
		else {
			answerAgain(principal.get(), key, fingerprint, response);
		}
	}

	private void answerFirst(String principal, String key, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
		boolean kept = false;
		try {
			chain.doFilter(request, recorded);
			if (recorded.getStatus() < 500) {
				store.complete(principal, key, recorded.getStatus(), recorded.getContentType(), recorded.getHeader(HttpHeaders.LOCATION),
						recorded.getContentAsByteArray());
				kept = true;
			}
		}
		finally {
			if (!kept) {
				store.release(principal, key);
			}
			recorded.copyBodyToResponse();
		}
	}

	private void answerAgain(String principal, String key, String fingerprint, HttpServletResponse response) throws IOException {
		long until = System.currentTimeMillis() + WAIT_MILLIS;
		Optional<IdempotentRequests.Stored> stored = store.find(principal, key);
		while (stored.isPresent() && stored.get().status() == null && System.currentTimeMillis() < until) {
			sleep();
			stored = store.find(principal, key);
		}
		if (stored.isEmpty()) {
			ProblemResponses.write(response, 409, "Request failed", "The first request with this Idempotency-Key failed; send it again with a new key");
		}
		else if (!stored.get().fingerprint().equals(fingerprint)) {
			ProblemResponses.write(response, 422, "Idempotency-Key reused",
					"This Idempotency-Key was used for a different request; use a new key for a new request");
		}
		else if (stored.get().status() == null) {
			ProblemResponses.write(response, 409, "Still in progress", "The first request with this Idempotency-Key is still being answered");
		}
		else {
			replay(stored.get(), response);
		}
	}

	private static void replay(IdempotentRequests.Stored stored, HttpServletResponse response) throws IOException {
		response.setStatus(stored.status());
		response.setHeader("Idempotent-Replayed", "true");
		if (stored.contentType() != null) {
			response.setContentType(stored.contentType());
		}
		if (stored.location() != null) {
			response.setHeader(HttpHeaders.LOCATION, stored.location());
		}
		byte[] body = stored.body() == null ? new byte[0] : stored.body();
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static Optional<String> principal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken
				? Optional.empty() : Optional.of(authentication.getName());
	}

	private static String fingerprint(HttpServletRequest request, byte[] body) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
				.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(body));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The request with its body read once, offered again to the controllers. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
		}
	}
}
