package org.switchboard.access;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.switchboard.platform.web.ErrorPage;
import org.switchboard.platform.web.ProblemResponses;
import org.switchboard.platform.web.Requests;

/**
 * Refuses a state-changing request whose {@code Origin} (or, without one, {@code Referer}) names another site,
 * whatever credentials it carries: a browser attaches cached HTTP Basic credentials as readily as a cookie, so a
 * cross-site form could otherwise write with them. A site is a host name (ports and scheme aside, as browsers
 * count sites); requests without either header (scripts, curl) are not browser-forged and pass.
 */
class SameSiteWrites extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(SameSiteWrites.class);
	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (SAFE.contains(request.getMethod()) || sameSite(request)) {
			chain.doFilter(request, response);
			return;
		}
		log.warn("Refused a cross-site {} {} from {}", request.getMethod(), request.getRequestURI(), claimed(request));
		String detail = "A request from another site may not change anything here.";
		if (Requests.isApi(request)) {
			ProblemResponses.write(response, 403, "Cross-site request refused", detail);
		}
		else {
			response.setStatus(403);
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write(ErrorPage.html(403));
		}
	}

	private static boolean sameSite(HttpServletRequest request) {
		String claimed = claimed(request);
		if (claimed == null) {
			return true;
		}
		try {
			String host = URI.create(claimed.trim()).getHost();
			return host != null && host.toLowerCase(Locale.ROOT).equals(request.getServerName().toLowerCase(Locale.ROOT));
		}
		catch (IllegalArgumentException malformed) {
			return false;
		}
	}

	private static String claimed(HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		return origin != null ? origin : request.getHeader(HttpHeaders.REFERER);
	}
}
