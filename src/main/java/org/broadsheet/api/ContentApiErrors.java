package org.broadsheet.api;

import java.net.URI;

import org.broadsheet.shared.NotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The Content API's errors as RFC 9457 problem details
 * ({@code application/problem+json}): 400 with the member {@code parameter} naming the
 * query parameter at fault, 404 for what is not public.
 */
@RestControllerAdvice(basePackageClasses = ContentApiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentApiErrors {

	@ExceptionHandler(BadParameter.class)
	ResponseEntity<ProblemDetail> badParameter(BadParameter ex) {
		return badRequest(ex.parameter(), ex.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException ex) {
		return badRequest(ex.getName(), "is not a valid value");
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException ex) {
		return badRequest(ex.getParameterName(), "is required");
	}

	@ExceptionHandler(NotFound.class)
	ResponseEntity<ProblemDetail> notFound(NotFound ex) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not Found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	private static ResponseEntity<ProblemDetail> badRequest(String parameter, String detail) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + ": " + detail);
		problem.setTitle("Bad query parameter");
		problem.setType(URI.create("about:blank"));
		problem.setProperty("parameter", parameter);
		return ResponseEntity.badRequest().body(problem);
	}

}
