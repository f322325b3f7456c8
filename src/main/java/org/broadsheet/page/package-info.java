/**
 * Static pages (About, Contact, Corrections policy, Privacy): their table, the one
 * use-case service that changes them ({@code StaticPages}: permission, audit, one event
 * for the change log, the page cache's keys), their addresses ({@code /page/{slug}}, old
 * slugs redirect) and the footer's list. Bodies are Markdown rendered and sanitized by
 * the article module's renderer.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "account", "article", "delivery", "shared" })
package org.broadsheet.page;
