package org.broadsheet.adminapi;

import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.broadsheet.article.InvalidArticle;
import org.broadsheet.comment.CommentRejected;
import org.broadsheet.media.InvalidImageException;
import org.broadsheet.media.MediaBusy;
import org.broadsheet.shared.Conflict;
import org.broadsheet.shared.InvalidInput;
import org.broadsheet.shared.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.core.JacksonException;

/**
 * The Admin API's errors as RFC 9457 problem details ({@code application/problem+json}).
 * Each names what is at fault: {@code field} and {@code errors} (a list of
 * {@code field}/{@code detail} pairs) for a body member, {@code parameter} for a query or
 * path parameter. Status codes: 400 a body that is not JSON or a bad parameter, 401 no or
 * a revoked key (account.ApiKeyAuthentication), 403 a role too low, 404 nothing with that
 * id, 409 the article's state does not allow it or the slug is taken, 413 a file too
 * large, 422 a field that breaks a rule, 503 the media store is busy or down.
 */
@RestControllerAdvice(basePackageClasses = AdminApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminApiErrors extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(AdminApiErrors.class);

	/**
	 * @return a 400 problem naming a query or path parameter
	 */
	static ErrorResponseException badParameter(String parameter, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + detail);
		problem.setTitle("Bad parameter");
		problem.setProperty("parameter", parameter);
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

	/**
	 * @throws ErrorResponseException (400) naming {@code page} below 1 or {@code limit}
	 * outside 1–200
	 */
	static void requirePage(int page, int limit) {
		if (page < 1) {
			throw badParameter("page", "must be 1 or more");
		}
		if (limit < 1 || limit > 200) {
			throw badParameter("limit", "must be 1–200");
		}
	}

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInput ex) {
		// Article rules name fields as the newsroom and the interchange formats do.
		String field = ex instanceof InvalidArticle ? ArticleFields.member(ex.field()) : ex.field();
		return fields(ex instanceof Conflict ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT,
				Map.of(field, ex.problem()));
	}

	@ExceptionHandler(CommentRejected.class)
	ResponseEntity<ProblemDetail> commentRejected(CommentRejected ex) {
		return fields(HttpStatus.UNPROCESSABLE_CONTENT,
				ex.problems()
					.entrySet()
					.stream()
					.collect(Collectors.toMap(Map.Entry::getKey, e -> InvalidInput.text(e.getValue()))));
	}

	@ExceptionHandler(InvalidImageException.class)
	ResponseEntity<ProblemDetail> invalidImage(InvalidImageException ex) {
		return fields(HttpStatus.UNPROCESSABLE_CONTENT, Map.of("file", ex.getMessage()));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, ex.getMessage());
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, ex.getMessage());
	}

	@ExceptionHandler(MediaBusy.class)
	ResponseEntity<ProblemDetail> busy(MediaBusy ex) {
		return unavailable(ex.retryAfter().toSeconds(), "the media store is busy; try again");
	}

	@ExceptionHandler(UncheckedIOException.class)
	ResponseEntity<ProblemDetail> storeDown(UncheckedIOException ex) {
		log.warn("Admin API request failed on storage: {}", ex.getMessage());
		return unavailable(60, "the media store did not answer; try again");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException ex) {
		var error = badParameter(ex.getName(), "is not a valid value");
		return ResponseEntity.badRequest().body(error.getBody());
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(badParameter(ex.getParameterName(), "is required").getBody());
	}

	/** A body that is not JSON, or a member of the wrong type: names the member. */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty() ? path(json) : null;
		ProblemDetail problem;
		if (field == null) {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "the body is not the JSON expected");
			problem.setTitle("Unreadable body");
		}
		else {
			problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": has the wrong type");
			problem.setTitle("Unreadable body");
			problem.setProperty("field", field);
			problem.setProperty("errors", List.of(Map.of("field", field, "detail", "has the wrong type")));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	private static String path(JacksonException json) {
		var path = new StringBuilder();
		for (var reference : json.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static ResponseEntity<ProblemDetail> fields(HttpStatus status, Map<String, String> problems) {
		var first = problems.entrySet().iterator().next();
		var problem = ProblemDetail.forStatusAndDetail(status, first.getKey() + ": " + first.getValue());
		problem.setTitle(status == HttpStatus.CONFLICT ? "Conflict with the current state" : "Invalid field");
		problem.setType(URI.create("about:blank"));
		problem.setProperty("field", first.getKey());
		problem.setProperty("errors",
				problems.entrySet()
					.stream()
					.sorted(Map.Entry.comparingByKey())
					.map(e -> Map.of("field", e.getKey(), "detail", e.getValue()))
					.toList());
		return ResponseEntity.status(status).body(problem);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		return ResponseEntity.status(status).body(problem);
	}

	private static ResponseEntity<ProblemDetail> unavailable(long retryAfterSeconds, String detail) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail));
	}

}
