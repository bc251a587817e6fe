package org.switchboard.platform.errors;

import java.util.List;

/**
 * A request the product refuses, with the domain {@link Refusal} and the problem details it maps to.
 * Modules extend it for their own failures; the web edge alone chooses the HTTP status from the refusal and turns it
 * into RFC 9457 JSON or the error page (ADR 0025).
 */
public class ProblemException extends RuntimeException {

	private final Refusal refusal;
	private final String title;
	private final List<FieldProblem> errors;

	public ProblemException(Refusal refusal, String title, String detail, List<FieldProblem> errors) {
		super(detail);
		this.refusal = refusal;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	public ProblemException(Refusal refusal, String title, String detail) {
		this(refusal, title, detail, List.of());
	}

	public static ProblemException badRequest(String detail, FieldProblem... errors) {
		return new ProblemException(Refusal.INVALID, "Invalid request", detail, List.of(errors));
	}

	public static ProblemException notFound(String detail) {
		return new ProblemException(Refusal.NOT_FOUND, "Not found", detail);
	}

	public static ProblemException conflict(String detail) {
		return new ProblemException(Refusal.CONFLICT, "Conflict", detail);
	}

	public Refusal refusal() {
		return refusal;
	}

	public String title() {
		return title;
	}

	public List<FieldProblem> errors() {
		return errors;
	}
}
