package org.broadsheet.adminapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/**
 * The problem responses Admin API operations of a kind share in the OpenAPI document
 * ({@link AdminApiDocument}'s components; springdoc reads these meta-annotations). Every
 * operation also has 401, and every POST the idempotency key's answers, from
 * {@link AdminApiDocument}.
 */
final class AdminApiResponses {

	private AdminApiResponses() {
	}

	/** A query or path parameter may be wrong: 400. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@ApiResponse(responseCode = "400", ref = AdminApiDocument.BAD_REQUEST)
	@interface BadRequest {

	}

	/** Something by id that the key's role may not open: 400, 403, 404. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@BadRequest
	@ApiResponse(responseCode = "403", ref = AdminApiDocument.FORBIDDEN)
	@ApiResponse(responseCode = "404", ref = AdminApiDocument.NOT_FOUND)
	@interface Lookup {

	}

	/** A change to something by id: 400, 403, 404, 409 (its state), 422 (a field). */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Lookup
	@ApiResponse(responseCode = "409", ref = AdminApiDocument.CONFLICT)
	@ApiResponse(responseCode = "422", ref = AdminApiDocument.INVALID)
	@interface Change {

	}

	/** A role below editor is refused: 403. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@ApiResponse(responseCode = "403", ref = AdminApiDocument.FORBIDDEN)
	@interface EditorsOnly {

	}

	/** A field may break a rule: 422. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@ApiResponse(responseCode = "422", ref = AdminApiDocument.INVALID)
	@interface Invalid {

	}

	/** An article's workflow step or edit: 200 with the article as it now is. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@ApiResponse(responseCode = "200", description = "The article as it now is",
			content = @Content(schema = @Schema(implementation = AdminJson.Editing.class),
					examples = @ExampleObject(name = "article", value = AdminApiExamples.EDITING)))
	@interface Article {

	}

	/** The {@code page} query parameter of a list. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.PARAMETER)
	@Parameter(description = "The page, from 1; past the last gives the last",
			schema = @Schema(type = "integer", minimum = "1", defaultValue = "1"))
	@interface PageNumber {

	}

	/** The {@code limit} query parameter of a list. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.PARAMETER)
	@Parameter(description = "Items per page, 1 to 200",
			schema = @Schema(type = "integer", minimum = "1", maximum = "200"))
	@interface PageSize {

	}

}
