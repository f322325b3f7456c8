package org.broadsheet.api;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/**
 * The OpenAPI schema of an RFC 9457 problem detail as the API's errors carry it
 * ({@code application/problem+json}; Spring's {@code ProblemDetail} writes them). Only
 * documents: nothing constructs one.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} for plain HTTP
 * statuses
 * @param title the status's or problem kind's short summary
 * @param status the HTTP status code
 * @param detail what went wrong with this request, in English
 * @param instance the request's path
 * @param parameter the query parameter at fault (400 from the Content API)
 */
@Schema(name = "Problem", description = "An RFC 9457 problem detail; other members may follow.")
record ProblemJson(@Schema(format = "uri-reference", example = "about:blank") String type,
		@Schema(requiredMode = RequiredMode.REQUIRED, example = "Not Found") String title,
		@Schema(requiredMode = RequiredMode.REQUIRED, minimum = "400", maximum = "599", example = "404") int status,
		@Schema(description = "What is wrong with this request, in English.") String detail,
		@Schema(format = "uri-reference", description = "The request's path.") String instance,
		@Schema(description = "The query parameter at fault (a 400 from the Content API).") String parameter) {
}
