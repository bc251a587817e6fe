package org.switchboard.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.switchboard.platform.errors.FieldProblem;

import tools.jackson.databind.json.JsonMapper;

/** Builds RFC 9457 problem details, including the {@code errors} list that names each bad field. */
public final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	public static ProblemDetail problem(int status, String title, String detail, List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		problem.setTitle(title);
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
		}
		return problem;
	}

	/** Writes a problem directly to the response, for filters that run before Spring MVC. */
	public static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
		ProblemDetail problem = problem(status, title, detail, List.of());
		problem.setType(URI.create("about:blank"));
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(JSON.writeValueAsString(Map.of("type", "about:blank", "status", status, "title", title, "detail", detail)));
	}
}
