package org.broadsheet.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks real HTTP exchanges against an OpenAPI 3.1 document: that the operation exists,
 * that it documents the response's status and content type, and that the body validates
 * against the documented schema (JSON Schema 2020-12 in OpenAPI 3.1's dialect, with
 * {@code format} asserted: {@code date-time}, {@code uri}, …; {@code $ref}s resolved in
 * the document). Request parameters and headers are not checked.
 *
 * <pre>
 * var openApi = OpenApiValidator.of(site.get("/api/openapi.json").response().body());
 * openApi.validate("GET", site.get("/api/content/v1/articles").response());
 * </pre>
 */
public final class OpenApiValidator {

	private static final Pattern TEMPLATE = Pattern.compile("\\{[^/}]+}");

	private final String text;

	private final JsonNode document;

	private final JsonMapper json = new JsonMapper();

	/**
	 * OpenAPI 3.1's dialect, asserting formats, and taking the {@code components} beside
	 * the schema under test ({@link #schemaProblems}) for no keyword.
	 */
	private final SchemaRegistry schemas = SchemaRegistry.withDefaultDialect(
			Dialect.builder(Dialects.getOpenApi31()).keyword(new NonValidationKeyword("components")).build(),
			builder -> builder
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

	private OpenApiValidator(String text) {
		this.text = text;
		this.document = json.readTree(text);
	}

	/**
	 * @param document the OpenAPI document, JSON
	 */
	public static OpenApiValidator of(String document) {
		return new OpenApiValidator(document);
	}

	/** The document, parsed. */
	public JsonNode document() {
		return document;
	}

	/**
	 * What swagger-parser reports on the document itself: structural errors, unresolved
	 * references, invalid members; empty when it is a valid OpenAPI document.
	 */
	public List<String> documentProblems() {
		var options = new ParseOptions();
		options.setResolve(true);
		var result = new OpenAPIV3Parser().readContents(text, null, options);
		var problems = new ArrayList<String>();
		if (result.getMessages() != null) {
			problems.addAll(result.getMessages());
		}
		if (result.getOpenAPI() == null) {
			problems.add("swagger-parser read no document");
		}
		return problems;
	}

	/**
	 * Validates a response to a request sent with {@code method}; its path is the
	 * request's.
	 * @throws AssertionError listing what does not match the document
	 */
	public void validate(String method, HttpResponse<String> response) {
		validate(method, response.uri().getRawPath(), response.statusCode(),
				response.headers().firstValue("Content-Type").orElse(null), response.body());
	}

	/**
	 * Validates one exchange.
	 * @param method the request's method, e.g. {@code GET}
	 * @param path the request's path (without query; raw or decoded) or a path template
	 * of the document, e.g. {@code /api/content/v1/articles/{id}}
	 * @param status the response's status code
	 * @param contentType the response's {@code Content-Type}, or null when it has none
	 * @param body the response's body, empty or null when it has none
	 * @throws AssertionError listing what does not match the document
	 */
	public void validate(String method, String path, int status, String contentType, String body) {
		List<String> problems = problems(method, path, status, contentType, body);
		if (!problems.isEmpty()) {
			throw new AssertionError(method + " " + path + " " + status + " does not match the OpenAPI document:\n  "
					+ String.join("\n  ", problems) + "\nbody: " + body);
		}
	}

	/**
	 * Like {@link #validate(String, String, int, String, String)}, without throwing.
	 * @return what does not match the document; empty when the exchange does
	 */
	public List<String> problems(String method, String path, int status, String contentType, String body) {
		var template = template(path);
		if (template.isEmpty()) {
			return List.of("no path of the document matches " + path);
		}
		JsonNode operation = document.path("paths").path(template.get()).path(method.toLowerCase(Locale.ROOT));
		if (operation.isMissingNode()) {
			return List.of("no operation " + method + " " + template.get());
		}
		JsonNode responses = operation.path("responses");
		JsonNode response = first(responses, String.valueOf(status), status / 100 + "XX", "default");
		if (response == null) {
			return List.of("operation " + method + " " + template.get() + " documents no status " + status);
		}
		response = resolve(response);
		boolean hasBody = body != null && !body.isEmpty();
		JsonNode content = response.path("content");
		if (content.isMissingNode() || content.isEmpty()) {
			return hasBody ? List.of("status " + status + " documents no body, but one came") : List.of();
		}
		if (contentType == null) {
			return List.of("no Content-Type; documented: " + names(content));
		}
		String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
		JsonNode media = first(content, type, type.replaceAll("/.*", "/*"), "*/*");
		if (media == null) {
			return List
				.of("Content-Type " + type + " is not documented for " + status + "; documented: " + names(content));
		}
		if (!media.has("schema")) {
			return List.of();
		}
		if (!hasBody) {
			return List.of("no body; documented: a " + type + " body");
		}
		JsonNode instance;
		try {
			instance = json.readTree(body);
		}
		catch (JacksonException ex) {
			return List.of("body is not JSON: " + ex.getOriginalMessage());
		}
		return schemaProblems(media.get("schema"), instance);
	}

	/**
	 * Validates {@code instance} against one schema of the document.
	 * @param schema a schema object of the document, or a {@code $ref} to one
	 * @return what does not validate, each with the instance location
	 */
	public List<String> schemaProblems(JsonNode schema, JsonNode instance) {
		// The schema under test with the document's components beside it: its
		// "#/components/..." references resolve against this root as in the document.
		ObjectNode root = json.createObjectNode();
		root.set("components", document.path("components"));
		root.putArray("allOf").add(schema);
		List<Error> errors = schemas.getSchema(root).validate(instance);
		return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
	}

	/**
	 * @param path a request's path (without query)
	 * @return whether a path of the document matches it
	 */
	public boolean documents(String path) {
		return template(path).isPresent();
	}

	/** The document's path (literal ones before templates) that {@code path} is. */
	private Optional<String> template(String path) {
		List<String> candidates = new ArrayList<>();
		document.path("paths").propertyNames().forEach(candidates::add);
		return candidates.stream()
			.filter(t -> t.equals(path) || path.matches(Arrays.stream(t.split("/", -1))
				.map(segment -> TEMPLATE.matcher(segment).matches() ? "[^/]+" : Pattern.quote(segment))
				.collect(Collectors.joining("/"))))
			.min(Comparator.comparing((String t) -> !t.equals(path))
				.thenComparing(t -> TEMPLATE.matcher(t).results().count()));
	}

	private JsonNode resolve(JsonNode node) {
		if (node.has("$ref")) {
			String ref = node.get("$ref").asString();
			return resolve(document.at(ref.substring(1)));
		}
		return node;
	}

	private static JsonNode first(JsonNode object, String... names) {
		for (String name : names) {
			for (Map.Entry<String, JsonNode> member : object.properties()) {
				if (member.getKey().equalsIgnoreCase(name)) {
					return member.getValue();
				}
			}
		}
		return null;
	}

	private static List<String> names(JsonNode object) {
		List<String> names = new ArrayList<>();
		object.propertyNames().forEach(names::add);
		return names;
	}

}
