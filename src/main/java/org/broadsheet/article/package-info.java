/**
 * Articles: the {@code article} tables, the rules every draft passes, the newsroom's
 * workflow (revisions, review, scheduling, audit), the reader's read side
 * ({@code PublishedArticles}) and the import and export door
 * ({@code ArticleInterchange}); publishes {@code ArticleEvent}s.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "account", "author", "delivery", "media", "shared", "taxonomy" })
package org.broadsheet.article;
