package org.broadsheet.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import org.broadsheet.api.ContentRepresentation.ArticleJson;
import org.broadsheet.api.ContentRepresentation.AuthorJson;
import org.broadsheet.api.ContentRepresentation.NamedJson;

/**
 * The Content API's pages as its OpenAPI document names them (the controller answers
 * {@code ContentApiController.Page}s of these items). Only document: nothing constructs
 * one.
 */
final class ContentApiSchemas {

	private static final String NEXT = "The following page's cursor, to pass as `cursor`; null on the last page";

	private ContentApiSchemas() {
	}

	/** A page of articles, newest first. */
	@Schema(name = "ArticlePage", description = "A page of articles, newest first.")
	record ArticlePage(@Schema(requiredMode = RequiredMode.REQUIRED) List<ArticleJson> items,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, description = NEXT) String next) {
	}

	/** A page of sections or tags, by slug. */
	@Schema(name = "NamedPage", description = "A page of sections or tags, by slug.")
	record NamedPage(@Schema(requiredMode = RequiredMode.REQUIRED) List<NamedJson> items,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, description = NEXT) String next) {
	}

	/** A page of authors, by slug. */
	@Schema(name = "AuthorPage", description = "A page of authors, by slug.")
	record AuthorPage(@Schema(requiredMode = RequiredMode.REQUIRED) List<AuthorJson> items,
			@Schema(requiredMode = RequiredMode.REQUIRED, nullable = true, description = NEXT) String next) {
	}

}
