/**
 * The {@code change_log} table: every committed article change in order, which the search
 * index (and any node) follows.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "article", "shared" })
package org.broadsheet.changelog;
