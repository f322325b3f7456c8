/**
 * Sections and tags: their tables, names, slugs and renames.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "delivery", "shared" })
package org.broadsheet.taxonomy;
