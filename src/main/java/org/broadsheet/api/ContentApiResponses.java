package org.broadsheet.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The responses every Content API operation of a kind has besides its 200, for the
 * OpenAPI document (springdoc reads these meta-annotations).
 */
final class ContentApiResponses {

	private ContentApiResponses() {
	}

	/** A list: 304 when unchanged, 400 for a bad query parameter. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@ApiResponse(responseCode = "304", ref = OpenApiConfiguration.NOT_MODIFIED)
	@ApiResponse(responseCode = "400", ref = OpenApiConfiguration.BAD_PARAMETER)
	@interface Listing {

	}

	/** One thing by id or slug: 304 when unchanged, 404 unless it is public. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@ApiResponse(responseCode = "304", ref = OpenApiConfiguration.NOT_MODIFIED)
	@ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
	@interface Single {

	}

}
