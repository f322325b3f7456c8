/**
 * The reader's site: article, front, section, tag, author, search and error pages, the
 * layout, SEO metadata, assets, comment and like forms.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "article", "author", "comment",
		"delivery", "media", "page", "search", "settings", "shared", "taxonomy" })
package org.broadsheet.site;
