package org.broadsheet.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * More requests than database connections for longer than the pool's wait
 * ({@code spring.datasource.hikari.connection-timeout}): 503 with {@code Retry-After}
 * (RFC 9110 §15.6.4), so readers and CDNs retry (or serve stale, with
 * {@code stale-if-error}) instead of seeing an error page.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class Overload {

	private static final Logger log = LoggerFactory.getLogger(Overload.class);

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class })
	ResponseEntity<String> busy(RuntimeException ex) {
		log.warn("Overloaded, answered 503: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "1")
			.header("Cache-Control", "no-store")
			.contentType(MediaType.TEXT_PLAIN)
			.body("The site is busy. Please try again in a moment.\n");
	}

}
