package org.broadsheet.adminapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Admin API's part of the OpenAPI document ({@code /api/openapi.json}): the problem
 * responses its operations refer to as {@code #/components/responses/<name>} (each an RFC
 * 9457 problem, {@code application/problem+json}, schema {@code Problem}, as
 * {@link AdminApiErrors} writes them), the {@value IdempotencyFilter#HEADER} header
 * parameter, and what every operation shares whatever it declares: 401 (a missing or
 * revoked key), and on a POST the idempotency key with the answers of
 * {@link IdempotencyFilter} (400, 409, 413, 422).
 */
@Configuration(proxyBeanMethods = false)
class AdminApiDocument {

	/** Response names under {@code #/components/responses/}. */
	static final String BAD_REQUEST = "AdminBadRequest";

	static final String UNAUTHORIZED = "AdminUnauthorized";

	static final String FORBIDDEN = "AdminForbidden";

	static final String NOT_FOUND = "AdminNotFound";

	static final String CONFLICT = "AdminConflict";

	static final String TOO_LARGE = "AdminTooLarge";

	static final String INVALID = "AdminInvalidField";

	static final String UNAVAILABLE = "AdminUnavailable";

	/** The parameter name under {@code #/components/parameters/}. */
	static final String IDEMPOTENCY_KEY = "IdempotencyKey";

	private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

	private static final String RESPONSES = "#/components/responses/";

	private final JsonMapper json = new JsonMapper();

	@Bean
	OpenApiCustomizer adminApiDocumentation() {
		return openApi -> {
			components(openApi);
			openApi.getPaths()
				.entrySet()
				.stream()
				.filter(path -> path.getKey().startsWith(AdminPaths.BASE + "/"))
				.forEach(path -> {
					path.getValue().readOperations().forEach(o -> shared(o, "401", UNAUTHORIZED));
					if (path.getValue().getPost() != null) {
						idempotent(path.getValue().getPost());
					}
				});
		};
	}

	private static void idempotent(Operation post) {
		var key = new Parameter().$ref("#/components/parameters/" + IDEMPOTENCY_KEY);
		if (post.getParameters() == null || !post.getParameters().contains(key)) {
			post.addParametersItem(key);
		}
		shared(post, "400", BAD_REQUEST);
		shared(post, "409", CONFLICT);
		shared(post, "413", TOO_LARGE);
		shared(post, "422", INVALID);
	}

	private static void shared(Operation operation, String status, String response) {
		if (!operation.getResponses().containsKey(status)) {
			operation.getResponses().addApiResponse(status, new ApiResponse().$ref(RESPONSES + response));
		}
	}

	private void components(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.components(new Components());
		}
		Components components = openApi.getComponents();
		components.addParameters(IDEMPOTENCY_KEY, new Parameter().in("header")
			.name(IdempotencyFilter.HEADER)
			.description("""
					Makes a retried POST act once (draft-ietf-httpapi-idempotency-key-header): 1–255 visible \
					ASCII characters, e.g. a UUID, per API key. A retry with the same key and the same request \
					within 24 hours gets the first response again, marked `Idempotent-Replayed: true`; the same \
					key with another request is refused 422, and 409 while the first is still running.""")
			.example("5f0c7a52-2d7e-4c59-9a3c-5b7e1f0e2a11")
			.schema(new StringSchema().minLength(1).maxLength(255)));
		components.addResponses(BAD_REQUEST, problem("""
				The body is not the JSON expected or a member has the wrong type (`field` names it), or a query, \
				path or header parameter is wrong (`parameter` names it).""", Map.of("parameter", """
				{"type": "about:blank", "title": "Bad parameter", "status": 400,
				 "detail": "status: must be one of draft, in_review, scheduled, published, unpublished",
				 "instance": "/api/admin/v1/articles", "parameter": "status"}""", "member", """
				{"type": "about:blank", "title": "Unreadable body", "status": 400,
				 "detail": "authors: has the wrong type", "instance": "/api/admin/v1/articles", "field": "authors",
				 "errors": [{"field": "authors", "detail": "has the wrong type"}]}""")));
		var unauthorized = problem("No API key came, or it is unknown or revoked.", Map.of("unauthorized", """
				{"type": "about:blank", "title": "Unauthorized", "status": 401,
				 "detail": "send an API key: Authorization: Bearer bsk_…"}"""));
		unauthorized.addHeaderObject("WWW-Authenticate",
				new Header().description("`Bearer realm=…`").schema(new StringSchema()));
		components.addResponses(UNAUTHORIZED, unauthorized);
		components.addResponses(FORBIDDEN, problem("""
				The key's role (the lower of the key's and its account's) does not allow this, as in the \
				newsroom.""", Map.of("forbidden", """
				{"type": "about:blank", "title": "Forbidden", "status": 403,
				 "detail": "Only editors moderate comments", "instance": "/api/admin/v1/comments"}""")));
		components.addResponses(NOT_FOUND, problem("Nothing has that id.", Map.of("notFound", """
				{"type": "about:blank", "title": "Not Found", "status": 404, "detail": "no article 4711",
				 "instance": "/api/admin/v1/articles/4711"}""")));
		components.addResponses(CONFLICT, problem("""
				The current state does not allow it (`field`: `status`), the slug or name is taken, or a request \
				with the same `Idempotency-Key` is still running (`parameter`).""", Map.of("state", """
				{"type": "about:blank", "title": "Conflict with the current state", "status": 409,
				 "detail": "status: the article is already published",
				 "instance": "/api/admin/v1/articles/4711/submit", "field": "status",
				 "errors": [{"field": "status", "detail": "the article is already published"}]}""")));
		components.addResponses(TOO_LARGE,
				problem("The file or the body is larger than the limit.", Map.of("tooLarge", """
						{"type": "about:blank", "title": "Content Too Large", "status": 413,
						 "detail": "file: larger than 20 MB", "instance": "/api/admin/v1/media", "field": "file"}""")));
		components.addResponses(INVALID, problem("""
				A body member breaks a rule: `field` names the first, `errors` each one with what is wrong; or \
				the `Idempotency-Key` was used before with another request (`parameter`).""", Map.of("field", """
				{"type": "about:blank", "title": "Invalid field", "status": 422,
				 "detail": "headline: must not be blank", "instance": "/api/admin/v1/articles",
				 "field": "headline", "errors": [{"field": "headline", "detail": "must not be blank"}]}""")));
		var unavailable = problem("The media store is busy or did not answer; retry after `Retry-After`.",
				Map.of("busy", """
						{"type": "about:blank", "title": "Service Unavailable", "status": 503,
						 "detail": "the media store is busy; try again", "instance": "/api/admin/v1/media"}"""));
		unavailable.addHeaderObject("Retry-After",
				new Header().description("Seconds to wait before retrying.").schema(new IntegerSchema()));
		components.addResponses(UNAVAILABLE, unavailable);
	}

	/**
	 * @param examples example problems as JSON, by name
	 */
	private ApiResponse problem(String description, Map<String, String> examples) {
		var media = new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA));
		new TreeMap<>(examples).forEach((name, text) -> media.addExamples(name,
				new Example().value(json.readValue(text, LinkedHashMap.class))));
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/problem+json", media));
	}

}
