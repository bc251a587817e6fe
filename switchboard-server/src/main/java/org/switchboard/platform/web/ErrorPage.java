package org.switchboard.platform.web;

import org.springframework.web.util.HtmlUtils;

/** A minimal page for the rare MVC-level failures that happen before a view can render. */
public final class ErrorPage {

	private ErrorPage() {
	}

	public static String html(int status) {
		String text = HtmlUtils.htmlEscape(org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase());
		return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + " " + text
				+ "</title><link rel=\"stylesheet\" href=\"/css/switchboard.css\"></head><body class=\"error-page\"><main><h1>"
				+ status + " " + text + "</h1><p><a href=\"/\">Back to Home</a></p></main></body></html>";
	}
}
