/**
 * Readers' comments and likes: the form's rules and tokens, threads, moderation, rate
 * limits and imported comments.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "delivery", "settings", "shared" })
package org.broadsheet.comment;
