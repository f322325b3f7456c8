package org.broadsheet.api;

import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.shared.NotFound;
import org.springdoc.webmvc.api.OpenApiWebMvcResource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/openapi.json}: the OpenAPI document as JSON. springdoc serves it at
 * {@code springdoc.api-docs.path} ({@code /api/openapi}) and the YAML at that path plus
 * {@code .yaml}; this is the stable {@code .json} address, answered by springdoc's own
 * resource. (Not a servlet forward: the page cache's response wrapper loses a forwarded
 * body.) 404 when {@code springdoc.api-docs.enabled} is false.
 */
@Hidden
@RestController
class OpenApiDocument {

	static final String PATH = "/api/openapi.json";

	private final ObjectProvider<OpenApiWebMvcResource> springdoc;

	OpenApiDocument(ObjectProvider<OpenApiWebMvcResource> springdoc) {
		this.springdoc = springdoc;
	}

	/**
	 * @return the document, UTF-8 JSON, its {@code servers} the request's base URL
	 * @throws NotFound when springdoc's document is switched off
	 */
	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	byte[] json(HttpServletRequest request, Locale locale) throws JsonProcessingException {
		OpenApiWebMvcResource resource = springdoc.getIfAvailable();
		if (resource == null) {
			throw new NotFound("resource", PATH);
		}
		return resource.openapiJson(request, PATH, locale);
	}

}
