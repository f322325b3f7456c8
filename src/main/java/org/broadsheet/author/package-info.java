/**
 * Authors: the {@code author} table, profiles (bio, photo, links) and their pages' keys.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "delivery", "media", "shared" })
package org.broadsheet.author;
