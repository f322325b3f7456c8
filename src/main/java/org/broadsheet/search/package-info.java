/**
 * Full-text search (Lucene, under {@code <data>/index}) following the change log, related
 * articles, {@code /api/search} and the {@code reindex} command.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "article", "author", "changelog", "delivery", "settings", "shared", "taxonomy" })
package org.broadsheet.search;
