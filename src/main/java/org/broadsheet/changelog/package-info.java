/**
 * The {@code change_log} table: every committed change in order (articles, comments,
 * sections, tags, authors, accounts: {@code shared.LoggedChange}), which the search index
 * and every node follow.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.broadsheet.changelog;
