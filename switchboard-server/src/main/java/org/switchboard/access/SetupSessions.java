package org.switchboard.access;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.switchboard.platform.web.ProblemResponses;
import org.switchboard.platform.web.Requests;

/**
 * Keeps a session signed in with the setup code to the CRM connection: its page, its API and Salesforce's callback
 * (and the files they load). Anything else sends a page to {@code /setup} and answers an API call 403. Once an org is
 * connected the session ends and the browser goes to the sign-in page, where users now sign in with Salesforce.
 */
class SetupSessions extends OncePerRequestFilter {

	private static final List<String> PATHS = List.of("/setup", "/api/admin/crm", "/api/admin/crm/salesforce", "/crm/oauth/callback", "/logout",
			"/login", "/error", "/favicon.ico");
	private static final List<String> FILES = List.of("/css/", "/js/", "/webjars/");

	private final SetupCode code;

	SetupSessions(SetupCode code) {
		this.code = code;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof SetupSignInToken)) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!code.open()) {
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			SecurityContextHolder.clearContext();
			if (Requests.isApi(request)) {
				ProblemResponses.write(response, 401, "Unauthorized", "The CRM org is connected; sign in with Salesforce.");
			}
			else {
				response.sendRedirect(request.getContextPath() + "/login?connected");
			}
		}
		else if (PATHS.contains(path) || FILES.stream().anyMatch(path::startsWith)) {
			chain.doFilter(request, response);
		}
		else if (Requests.isApi(request)) {
			ProblemResponses.write(response, 403, "Forbidden", "A setup sign-in may only connect the CRM org.");
		}
		else {
			response.sendRedirect(request.getContextPath() + "/setup");
		}
	}
}
