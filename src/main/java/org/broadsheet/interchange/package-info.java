/**
 * Moving articles in and out: Markdown bundles, WordPress (WXR 1.2) import and export, and their
 * commands.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "article", "author", "cli",
		"comment", "media", "taxonomy", "text" })
package org.broadsheet.interchange;
