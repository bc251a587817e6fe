package org.switchboard.platform.web;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.switchboard.platform.errors.FieldProblem;
import org.switchboard.platform.errors.ProblemException;
import org.switchboard.platform.errors.UpstreamException;

/**
 * Translates failures at the edge: problem details JSON for {@code /api} and webhooks,
 * the one error page for the browser. Stack traces never leave the server.
 */
@ControllerAdvice
class ErrorHandling extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);
	private static final Pattern JAVA_TYPE_IN_QUOTES = Pattern.compile("`[^`]*`");
	private static final Pattern JAVA_TYPE = Pattern.compile("\\b(?:java|javax|jakarta|org|tools|com)\\.[\\w.$<>\\[\\]]+");

	private final DataSize maxFileSize;

	ErrorHandling(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFileSize) {
		this.maxFileSize = maxFileSize;
	}

	@ExceptionHandler(ProblemException.class)
	Object onProblem(ProblemException e, HttpServletRequest request, HttpServletResponse response) {
		return respond(request, response, RefusalStatus.of(e.refusal()), e.title(), e.getMessage(), e.errors());
	}

	/** Webex (or another service) refused or did not answer: the same answer in every feature. */
	@ExceptionHandler(UpstreamException.class)
	Object onUpstream(UpstreamException e, HttpServletRequest request, HttpServletResponse response) {
		UpstreamAnswer answer = UpstreamAnswer.of(e);
		log.info("{} on {} {}: {}", answer.title(), request.getMethod(), request.getRequestURI(), e.getMessage());
		if (answer.retryAfterSeconds() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(answer.retryAfterSeconds()));
		}
		return respond(request, response, answer.status(), answer.title(), answer.detail(), List.of());
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthorizationDeniedException.class })
	Object onDenied(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
		return respond(request, response, 403, "Forbidden",
				"You do not have the permission set this needs. Ask a Webex Admin to assign it.", List.of());
	}

	/**
	 * The database cannot be reached ({@link DatabaseGone}, the same test as the outer filter's): say so at once (the
	 * pool waits a few seconds, not 30), and that it is passing.
	 */
	Object onDatabaseGone(Exception e, HttpServletRequest request, HttpServletResponse response) {
		log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), rootMessage(e));
		response.setHeader(HttpHeaders.RETRY_AFTER, "30");
		if (request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health")) {
			// Health is read by machines: DOWN as JSON, never the HTML error page.
			return ResponseEntity.status(503).contentType(MediaType.APPLICATION_JSON).body(java.util.Map.of("status", "DOWN"));
		}
		return respond(request, response, 503, "Temporarily unavailable",
				"The database cannot be reached right now; try again shortly.", List.of());
	}

	/** A multipart body that cannot be parsed (cut short, no boundary) is the client's fault, not the server's. */
	@ExceptionHandler(MultipartException.class)
	Object onBrokenMultipart(MultipartException e, HttpServletRequest request, HttpServletResponse response) {
		return respond(request, response, 400, "Unreadable request body",
				"The multipart/form-data body could not be read; send complete parts with the boundary its Content-Type names.",
				List.of(new FieldProblem("body", "is not a complete multipart/form-data body")));
	}

	@ExceptionHandler(Exception.class)
	Object onUnexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
		if (DatabaseGone.causedBy(e)) {
			return onDatabaseGone(e, request, response);
		}
		log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
		return respond(request, response, 500, "Internal error", "Something went wrong on the server. It has been logged.", List.of());
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"The request body is not valid JSON of the expected shape: " + rootMessage(ex));
		problem.setTitle("Unreadable request body");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/** An upload over the multipart limit (Webex's 100 MB per file by default) is a 413 that names the limit. */
	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(413),
				"A file may be at most " + readable(maxFileSize) + " (" + maxFileSize.toBytes() + " bytes)");
		problem.setTitle("File too large");
		return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(413), request);
	}

	private static String readable(DataSize size) {
		return size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0 ? size.toMegabytes() + " MB"
				: size.toBytes() % 1024 == 0 ? size.toKilobytes() + " KB" : size.toBytes() + " bytes";
	}

	/** The innermost message, one line, with no Java type names (a client needs the field, not our classes). */
	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage());
		int newline = message.indexOf('\n');
		message = newline > 0 ? message.substring(0, newline) : message;
		message = JAVA_TYPE_IN_QUOTES.matcher(message).replaceAll("the expected type");
		message = JAVA_TYPE.matcher(message).replaceAll("value");
		return message.length() > 200 ? message.substring(0, 200) : message;
	}


	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		HttpServletRequest servletRequest = ((ServletWebRequest) request).getRequest();
		if (!Requests.isApi(servletRequest)) {
			return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.TEXT_HTML)
				.body(ErrorPage.html(statusCode.value()));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private Object respond(HttpServletRequest request, HttpServletResponse response, int status, String title,
			String detail, List<FieldProblem> errors) {
		if (Requests.isApi(request)) {
			return ResponseEntity.status(status)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(ProblemResponses.problem(status, title, detail, errors));
		}
		response.setStatus(status);
		ModelAndView page = new ModelAndView("error");
		page.setStatus(HttpStatusCode.valueOf(status));
		page.addObject("status", status);
		page.addObject("error", title);
		page.addObject("detail", detail);
		page.addObject("errors", errors);
		return page;
	}
}
