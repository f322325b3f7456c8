/**
 * Moving articles in and out: Markdown bundles, WordPress (WXR 1.2) import and export, and their
 * commands.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "article", "author",
		"comment", "media", "shared", "taxonomy" })
package org.broadsheet.interchange;
