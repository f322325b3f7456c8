/**
 * Moving articles in and out: Markdown bundles ({@code bundle}) and WordPress (WXR 1.2)
 * import and export ({@code wordpress}), each a sub-package with its commands and a named
 * interface. Both change articles only through the article module's use cases, as a
 * system actor.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "article", "author", "comment",
		"media", "page", "settings", "shared", "taxonomy" })
package org.broadsheet.interchange;
