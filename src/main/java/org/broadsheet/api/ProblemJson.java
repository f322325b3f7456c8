package org.broadsheet.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The OpenAPI schema of an RFC 9457 problem detail as the API's errors carry it
 * ({@code application/problem+json}; Spring's {@code ProblemDetail} and
 * {@code shared.Problems} write them). Only documents: nothing constructs one.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} for plain HTTP
 * statuses
 * @param title the status's or problem kind's short summary
 * @param status the HTTP status code
 * @param detail what went wrong with this request, in English
 * @param instance the request's path
 * @param parameter the query, path or header parameter at fault
 * @param field the first request body member at fault (Admin API)
 * @param errors every body member at fault with what is wrong with it (Admin API)
 */
@Schema(name = "Problem", description = "An RFC 9457 problem detail; other members may follow.")
record ProblemJson(@Schema(format = "uri-reference", example = "about:blank") String type,
		@Schema(requiredMode = RequiredMode.REQUIRED, example = "Not Found") String title,
		@Schema(requiredMode = RequiredMode.REQUIRED, minimum = "400", maximum = "599", example = "404") int status,
		@Schema(description = "What is wrong with this request, in English.") String detail,
		@Schema(format = "uri-reference", description = "The request's path.") String instance,
		@Schema(description = "The query, path or header parameter at fault, e.g. `limit`, `id`, `key`, "
				+ "`Idempotency-Key`.") String parameter,
		@Schema(description = "The request body member at fault (the first of `errors`), "
				+ "as a path: `headline`, `leadImage.caption`, `authors[2]`.", example = "headline") String field,
		@Schema(description = "Every request body member at fault, by member.") List<FieldError> errors) {

	/**
	 * One request body member at fault.
	 *
	 * @param field the member, as a path ({@code leadImage.caption})
	 * @param detail what is wrong with it, in English
	 */
	@Schema(name = "FieldError")
	record FieldError(@Schema(requiredMode = RequiredMode.REQUIRED, example = "headline") String field,
			@Schema(requiredMode = RequiredMode.REQUIRED, example = "must not be blank") String detail) {
	}

}
