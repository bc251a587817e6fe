package org.switchboard.platform.errors;

import java.util.List;

/**
 * A request the product refuses, with the HTTP status and the problem details it maps to.
 * Modules extend it for their own failures; the edge turns it into RFC 9457 JSON or the error page.
 */
public class ProblemException extends RuntimeException {

	private final int status;
	private final String title;
	private final List<FieldProblem> errors;

	public ProblemException(int status, String title, String detail, List<FieldProblem> errors) {
		super(detail);
		this.status = status;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	public ProblemException(int status, String title, String detail) {
		this(status, title, detail, List.of());
	}

	public static ProblemException badRequest(String detail, FieldProblem... errors) {
		return new ProblemException(400, "Invalid request", detail, List.of(errors));
	}

	public static ProblemException notFound(String detail) {
		return new ProblemException(404, "Not found", detail);
	}

	public static ProblemException conflict(String detail) {
		return new ProblemException(409, "Conflict", detail);
	}

	public int status() {
		return status;
	}

	public String title() {
		return title;
	}

	public List<FieldProblem> errors() {
		return errors;
	}
}
