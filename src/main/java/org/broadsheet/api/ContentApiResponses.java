package org.broadsheet.api;

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

import org.broadsheet.api.ContentRepresentation.NamedJson;

/**
 * What Content API operations of a kind share in the OpenAPI document: responses and
 * paging parameters (springdoc reads these meta-annotations).
 */
final class ContentApiResponses {

	private ContentApiResponses() {
	}

	/** A list: 304 when unchanged, 400 for a bad query parameter. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@ApiResponse(responseCode = "304", ref = OpenApiConfiguration.NOT_MODIFIED)
	@ApiResponse(responseCode = "400", ref = OpenApiConfiguration.BAD_PARAMETER)
	@interface Listing {

	}

	/** A list of sections or tags: a page of them, 304, 400. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@ApiResponse(responseCode = "200", description = "A page of them",
			content = @Content(schema = @Schema(implementation = ContentApiSchemas.NamedPage.class),
					examples = @ExampleObject(name = "page", value = ContentApiExamples.NAMED_PAGE)))
	@Listing
	@interface NamedListing {

	}

	/** A section or tag by slug: it, 304, 404. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@ApiResponse(responseCode = "200", description = "The section or tag",
			content = @Content(schema = @Schema(implementation = NamedJson.class),
					examples = @ExampleObject(name = "named", value = ContentApiExamples.NAMED)))
	@Single
	@interface NamedSingle {

	}

	/** One thing by id or slug: 304 when unchanged, 404 unless it is public. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@ApiResponse(responseCode = "304", ref = OpenApiConfiguration.NOT_MODIFIED)
	@ApiResponse(responseCode = "404", ref = OpenApiConfiguration.NOT_FOUND)
	@interface Single {

	}

	/** The {@code limit} query parameter of a list. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.PARAMETER)
	@Parameter(description = "Items per page, 1 to 100; 20 when left out",
			schema = @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
	@interface PageSize {

	}

	/** The {@code cursor} query parameter of a list. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.PARAMETER)
	@Parameter(description = "The previous page's `next`, as given (opaque); with the same filters")
	@interface Cursor {

	}

}
