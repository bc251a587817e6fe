package org.switchboard.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/** Tells API requests (answered with problem details) from browser pages (answered with the error page). */
public final class Requests {

	private Requests() {
	}

	public static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/webhooks/");
	}
}
