/**
 * The public, read-only Content API ({@code /api/content/v1/}): published articles,
 * sections, tags and authors as JSON, with cursor pages, field selection, RFC 9457
 * problem details, the reader pages' caching and configurable CORS. Its article
 * representation is the one later webhooks and the Admin API will reuse.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "article", "author", "comment",
		"delivery", "media", "shared", "site", "taxonomy" })
package org.broadsheet.api;
